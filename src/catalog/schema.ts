/**
 * The vendor catalog: common third parties as data (`vendors.json`), written from
 * each vendor's public documentation. Policies refer to vendors by id and may
 * override the category; tags and cookies of catalogued vendors are recognised
 * even when a policy does not name them.
 */
import { z } from "zod";
import { catalogCategorySchema, cookieMatchSchema, hostSchema, vendorIdSchema } from "../policy/schema.ts";

export const catalogVendorSchema = z.strictObject({
  id: vendorIdSchema,
  name: z.string().min(1),
  category: catalogCategorySchema,
  hosts: z.array(hostSchema),
  cookies: z.array(cookieMatchSchema),
  /** Case-sensitive substrings that identify the vendor's official inline snippet. */
  inline: z.array(z.string().min(6)),
  privacyPolicy: z.url({ protocol: /^https$/ }),
  notes: z.string().optional(),
});

export const catalogSchema = z
  .strictObject({
    version: z.literal(1),
    vendors: z.array(catalogVendorSchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const ids = new Set<string>();
    const hosts = new Map<string, string>();
    catalog.vendors.forEach((vendor, i) => {
      if (ids.has(vendor.id)) ctx.addIssue({ code: "custom", path: ["vendors", i, "id"], message: `duplicate vendor id "${vendor.id}"` });
      ids.add(vendor.id);
      vendor.hosts.forEach((host, j) => {
        const owner = hosts.get(host);
        if (owner !== undefined) {
          ctx.addIssue({ code: "custom", path: ["vendors", i, "hosts", j], message: `host "${host}" already belongs to "${owner}"` });
        }
        hosts.set(host, vendor.id);
      });
    });
  });

export type Catalog = z.output<typeof catalogSchema>;
export type CatalogVendor = z.output<typeof catalogVendorSchema>;
