/**
 * Lookups over the compact line format, on data written for the test so each
 * rule is visible: label walks, exact names before the longest prefix, ids left
 * out when the name gives them, and nothing decoded before it is needed.
 */
import { describe, expect, it } from "vitest";
import type { CatalogData } from "../../src/catalog/catalog-format.ts";
import { createImportedCatalog } from "../../src/catalog/imported-catalog.ts";

const DATA: Pick<CatalogData, "vendors" | "cookies"> = {
  vendors: ["Acme Ads\t\tm\tacme-ads.test ads.acme.test", "Beta Metrics\tbeta-2\ta\tbeta.test", "Gamma\t\t\tgamma.test"].join("\n"),
  cookies: [
    ["Acme Ads\tacme-ads", "acme_id\t=\tm\t1 year\tIdentifies the browser", "acme_\t*\tm\t\t", "acme_consent_\t*\tn\tsession\tStores the choice"].join("\n"),
    ["WordPress\t", "wp_settings\t=\tf\t1 year\t"].join("\n"),
  ],
};

describe("imported catalog", () => {
  const catalog = createImportedCatalog(DATA);

  describe("vendorForHost", () => {
    it("should walk the labels up to a listed host", () => {
      expect(catalog.vendorForHost("x.y.acme-ads.test")).toEqual({ id: "acme-ads", name: "Acme Ads", category: "marketing", curated: false });
      expect(catalog.vendorForHost("ads.acme.test")?.id).toBe("acme-ads");
      expect(catalog.vendorForHost("acme.test")).toBeUndefined();
      expect(catalog.vendorForHost("BETA.TEST.")).toMatchObject({ id: "beta-2", category: "analytics" });
    });

    it("should read an empty category as a known tracker of unknown purpose", () => {
      expect(catalog.vendorForHost("gamma.test")).toEqual({ id: "gamma", name: "Gamma", category: null, curated: false });
    });
  });

  describe("cookieInfo", () => {
    it("should prefer an exact name, then the longest prefix", () => {
      expect(catalog.cookieInfo("acme_id")).toEqual({ category: "marketing", vendor: "acme-ads", platform: "Acme Ads", retention: "1 year", purpose: "Identifies the browser" });
      expect(catalog.cookieInfo("acme_consent_42")).toEqual({ category: "necessary", vendor: "acme-ads", platform: "Acme Ads", retention: "session", purpose: "Stores the choice" });
      expect(catalog.cookieInfo("acme_other")).toEqual({ category: "marketing", vendor: "acme-ads", platform: "Acme Ads" });
      expect(catalog.cookieInfo("wp_settings")).toEqual({ category: "functional", platform: "WordPress", retention: "1 year" });
      expect(catalog.cookieInfo("acm")).toBeUndefined();
    });
  });

  describe("vendor", () => {
    it("should give a vendor its hosts and its cookies, prefixes as anchored patterns", () => {
      expect(catalog.vendor("acme-ads")).toEqual({
        id: "acme-ads",
        name: "Acme Ads",
        category: "marketing",
        hosts: ["acme-ads.test", "ads.acme.test"],
        cookies: [
          { name: "acme_id", purpose: "Identifies the browser", retention: "1 year" },
          { pattern: "^acme_.*$" },
          { pattern: "^acme_consent_.*$", purpose: "Stores the choice", retention: "session" },
        ],
      });
      expect(new RegExp(catalog.vendor("acme-ads")!.cookies[1]!.pattern!).test("acme_x")).toBe(true);
      expect(catalog.vendor("beta-metrics")).toBeUndefined();
      expect(catalog.vendor("beta-2")?.cookies).toEqual([]);
    });

    it("should escape a prefix's regular-expression characters", () => {
      const dotted = createImportedCatalog({ vendors: "Dot\t\ta\tdot.test", cookies: ["Dot\tdot\n.AspNet.\t*\tn\t\t"] });
      const re = new RegExp(dotted.vendor("dot")!.cookies[0]!.pattern!);
      expect(re.test(".AspNet.Cookies")).toBe(true);
      expect(re.test("xAspNetxCookies")).toBe(false);
    });
  });

  it("should index every host and cookie line as splitting the lines would, whatever their spacing", () => {
    const odd: Pick<CatalogData, "vendors" | "cookies"> = {
      vendors: ["A\t\tm\ta.test  b.test ", "B\t\ta\t", "C\t\tf\t c.test", "D\t\tn\td.test\nE\t\tm\te.test f.test"].join("\n"),
      cookies: ["P\tp\nx\t=\tm\ny_\t*\ta\n", "Q\t", "R\t\nz\t=\tf\t1 day\tA purpose."],
    };
    const lines = odd.vendors.split("\n");
    const hosts = new Map<string, number>();
    lines.forEach((line, i) => {
      const column = line.slice(line.lastIndexOf("\t") + 1);
      if (column !== "") for (const host of column.split(" ")) hosts.set(host, i);
    });
    const imported = createImportedCatalog(odd);
    expect(imported.hosts()).toEqual([...hosts].map(([host, i]) => [host, imported.vendors()[i]!.id]));
    expect(imported.cookies().map(({ name, prefix }) => [name, prefix])).toEqual([["x", false], ["y_", true], ["", false], ["z", false]]);
    expect(imported.cookieInfo("z")).toEqual({ category: "functional", platform: "R", retention: "1 day", purpose: "A purpose." });
    expect(imported.cookieInfo("y_1")).toEqual({ category: "analytics", platform: "P", vendor: "p" });
  });

  it("should decode nothing until a lookup needs it, and each table once", () => {
    const reads = { vendors: 0, cookies: 0 };
    const lazy = createImportedCatalog({
      get vendors() {
        reads.vendors += 1;
        return DATA.vendors;
      },
      get cookies() {
        reads.cookies += 1;
        return DATA.cookies;
      },
    });
    expect(reads).toEqual({ vendors: 0, cookies: 0 });
    lazy.vendorForHost("acme-ads.test");
    lazy.vendorForHost("beta.test");
    expect(reads).toEqual({ vendors: 1, cookies: 0 });
    lazy.cookieInfo("acme_id");
    lazy.cookieInfo("nothing");
    expect(reads).toEqual({ vendors: 1, cookies: 1 });
  });
});
