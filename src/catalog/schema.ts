/**
 * The curated vendors (`vendors.json`), written by hand from each vendor's
 * public documentation. The import script (scripts/import-catalog.ts) and the
 * build validate the file with this schema; the Worker reads the generated
 * catalog, which holds these vendors completed from the Open Cookie Database,
 * and needs no schema at run time.
 */
import { z } from "zod";
import type { CuratedVendor } from "./catalog-format.ts";
import { catalogCategorySchema, cookieMatchSchema, hostSchema, vendorIdSchema } from "../policy/schema.ts";

/** A curated cookie: a name or a pattern, and optionally what the declaration says about it. */
export const catalogCookieSchema = z
  .strictObject({
    name: cookieMatchSchema.shape.name,
    pattern: cookieMatchSchema.shape.pattern,
    /** Written by hand, this wins over the Open Cookie Database's description. */
    purpose: z.string().min(1).max(1000).optional(),
    /** "2 years", "session": written by hand, this wins over the Open Cookie Database's. */
    retention: z.string().min(1).max(80).optional(),
  })
  .refine((c) => (c.name === undefined) !== (c.pattern === undefined), {
    message: "give exactly one of name or pattern",
  });

export const catalogVendorSchema = z.strictObject({
  id: vendorIdSchema,
  name: z.string().min(1),
  category: catalogCategorySchema,
  hosts: z.array(hostSchema),
  cookies: z.array(catalogCookieSchema),
  /** Case-sensitive substrings that identify the vendor's official inline snippet. */
  inline: z.array(z.string().min(6)),
  privacyPolicy: z.url({ protocol: /^https$/ }),
  /** A Google tag: it reads Google Consent Mode signals, which must be set before it runs. */
  googleTag: z.literal(true).optional(),
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

export type CuratedCatalogFile = z.output<typeof catalogSchema>;
export type CatalogVendor = z.output<typeof catalogVendorSchema>;

// The schema's output is what the runtime format holds: a mismatch fails the type check here.
true satisfies CatalogVendor extends CuratedVendor ? true : false;
