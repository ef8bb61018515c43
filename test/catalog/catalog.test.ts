/**
 * The curated vendors over the imported data: the curated answer wins for its
 * hosts, their subdomains and its cookies; the imported data answers the rest.
 */
import { describe, expect, it } from "vitest";
import type { CuratedVendor } from "../../src/catalog/catalog-format.ts";
import { completeCurated, createCatalog } from "../../src/catalog/catalog.ts";

const curated: CuratedVendor[] = [
  {
    id: "acme-analytics",
    name: "Acme Analytics",
    category: "analytics",
    hosts: ["stats.acme.test"],
    cookies: [{ name: "acme_id", purpose: "Counts visits", retention: "1 year" }, { pattern: "^acme_s_.+$" }],
    inline: [],
    privacyPolicy: "https://acme.test/privacy",
  },
];
const data = {
  curated,
  vendors: ["Acme Corp\t\tm\tacme.test", "Sub Tracker\t\tm\tx.stats.acme.test"].join("\n"),
  cookies: [["Acme Corp\tacme-corp", "acme_id\t=\tm\t\tAn ad id", "acme_\t*\tm\t\t"].join("\n")],
};

describe("catalog", () => {
  const catalog = createCatalog(data);

  it("should answer a curated host and its subdomains from the curated vendor, the rest from the imported data", () => {
    expect(catalog.vendorForHost("stats.acme.test")).toEqual({ id: "acme-analytics", name: "Acme Analytics", category: "analytics", curated: true });
    // Even where the imported data names a deeper host: the curated claim covers every subdomain.
    expect(catalog.vendorForHost("x.stats.acme.test")?.id).toBe("acme-analytics");
    expect(catalog.vendorForHost("www.acme.test")).toMatchObject({ id: "acme-corp", curated: false });
  });

  it("should answer a curated cookie from the curated vendor, with its category and what it says about the cookie", () => {
    expect(catalog.cookieInfo("acme_id")).toEqual({ category: "analytics", vendor: "acme-analytics", platform: "Acme Analytics", retention: "1 year", purpose: "Counts visits" });
    expect(catalog.cookieInfo("acme_s_1")).toEqual({ category: "analytics", vendor: "acme-analytics", platform: "Acme Analytics" });
    expect(catalog.cookieInfo("acme_other")).toMatchObject({ category: "marketing", vendor: "acme-corp" });
  });

  it("should know curated and imported ids, and iterate the curated vendors", () => {
    expect(catalog.has("acme-analytics")).toBe(true);
    expect(catalog.has("acme-corp")).toBe(true);
    expect(catalog.has("nobody")).toBe(false);
    expect(catalog.curated("acme-corp")).toBeUndefined();
    expect(catalog.vendors.map((v) => v.id)).toEqual(["acme-analytics"]);
  });

  it("should complete hand-written vendors from the generated ones: added hosts, and purposes only where none is written", () => {
    const handWritten: CuratedVendor[] = [{ ...curated[0]!, hosts: ["stats.acme.test"], cookies: [{ name: "acme_id", purpose: "Ours" }, { pattern: "^acme_s_.+$" }] }];
    const generated: CuratedVendor[] = [
      { ...curated[0]!, hosts: ["stats.acme.test", "acme-cdn.test"], cookies: [{ name: "acme_id", purpose: "Theirs", retention: "1 year" }, { pattern: "^acme_s_.+$", retention: "session" }] },
    ];
    expect(completeCurated(handWritten, generated)[0]).toMatchObject({
      hosts: ["stats.acme.test", "acme-cdn.test"],
      cookies: [
        { name: "acme_id", purpose: "Ours", retention: "1 year" },
        { pattern: "^acme_s_.+$", retention: "session" },
      ],
    });
  });
});
