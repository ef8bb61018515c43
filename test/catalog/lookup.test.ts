/**
 * The catalog the Worker reads (the committed src/catalog/generated/catalog.json):
 * its figures pinned, and rows that reports, the banner and the declaration rely on.
 * A re-import that changes any of them fails here, so the change is a decision.
 */
import { describe, expect, it } from "vitest";
import vendorsJson from "../../src/catalog/vendors.json";
import { catalog, catalogData, cookieInfo, vendorForHost } from "../../src/catalog/lookup.ts";
import { catalogSchema } from "../../src/catalog/schema.ts";

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

describe("the generated catalog", () => {
  describe("figures", () => {
    it("should hold 65 curated and 3,205 imported vendors", () => {
      expect(catalog.vendors).toHaveLength(65);
      expect(catalog.imported.vendors()).toHaveLength(3205);
      expect(countBy(catalog.imported.vendors(), (v) => v.category ?? "unknown")).toEqual({
        marketing: 1826,
        analytics: 605,
        functional: 286,
        necessary: 150,
        unknown: 338,
      });
    });

    it("should hold 165 curated and 4,951 imported hosts", () => {
      expect(catalog.vendors.reduce((n, v) => n + v.hosts.length, 0)).toBe(165);
      expect(catalog.imported.hosts()).toHaveLength(4951);
    });

    it("should hold 103 curated and 2,113 imported cookies", () => {
      expect(catalog.vendors.reduce((n, v) => n + v.cookies.length, 0)).toBe(103);
      const cookies = catalog.imported.cookies();
      expect(cookies).toHaveLength(2113);
      expect(countBy(cookies, (c) => c.info.category)).toEqual({ necessary: 880, marketing: 836, analytics: 338, functional: 40, security: 19 });
      expect(countBy(cookies, (c) => (c.prefix ? "prefix" : "exact"))).toEqual({ exact: 1879, prefix: 234 });
    });

    it("should give every imported vendor a kebab-case id of its own, and every host one owner", () => {
      const ids = catalog.imported.vendors().map((v) => v.id);
      expect(new Set([...ids, ...catalog.vendors.map((v) => v.id)]).size).toBe(ids.length + catalog.vendors.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const curatedHosts = catalog.vendors.flatMap((v) => v.hosts);
      for (const [host] of catalog.imported.hosts()) {
        // Curated hosts cover their subdomains: an imported host under one would never be reached.
        expect(curatedHosts.some((h) => host === h || host.endsWith(`.${h}`)), host).toBe(false);
      }
    });
  });

  describe("known rows", () => {
    it.each([
      ["api.mixpanel.com", { id: "mixpanel", name: "Mixpanel", category: "analytics", curated: true }],
      ["a.b.mixpanel.com", { id: "mixpanel", name: "Mixpanel", category: "analytics", curated: true }],
      ["static.cloudflareinsights.com", { id: "cloudflare-web-analytics", name: "Cloudflare Web Analytics", category: "analytics", curated: true }],
      ["d.adroll.com", { id: "adroll", name: "AdRoll", category: "marketing", curated: false }],
      ["js.adsrvr.org", { id: "tradedesk", name: "TradeDesk", category: "marketing", curated: false }],
      ["munchkin.marketo.net", { id: "marketo", name: "Marketo", category: "marketing", curated: false }],
      ["t.contentsquare.net", { id: "contentsquare-net", name: "ContentSquare", category: "marketing", curated: false }],
      ["cdn.jsdelivr.net", { id: "jsdelivr", name: "jsDelivr", category: "necessary", curated: false }],
      ["www.linkedin.com", { id: "linkedin", name: "LinkedIn", category: null, curated: false }],
      // companiesdb's Mixpanel domain that vendors.json lacks: it joins the curated vendor.
      ["mxpnl.net", { id: "mixpanel", name: "Mixpanel", category: "analytics", curated: true }],
    ])("should name %s", (host, expected) => {
      expect(vendorForHost(host)).toEqual(expected);
    });

    it("should walk labels the way hosts are compared: case, a trailing dot, no look-alikes", () => {
      expect(vendorForHost("D.ADROLL.COM.")?.id).toBe("adroll");
      expect(vendorForHost("notadroll.com")).toBeUndefined();
      expect(vendorForHost("adroll.com.evil.test")).toBeUndefined();
      expect(vendorForHost("example.org")).toBeUndefined();
    });

    it("should classify _ga and _gac_123 as analytics (Google Analytics is curated, so its category wins)", () => {
      expect(cookieInfo("_ga")).toEqual({
        category: "analytics",
        vendor: "google-analytics",
        platform: "Google Analytics",
        retention: "2 years",
        purpose: "ID used to identify users",
      });
      expect(cookieInfo("_gac_123")).toMatchObject({ category: "analytics", vendor: "google-analytics", platform: "Google Analytics", retention: "90 days" });
    });

    it("should give _fbp its category, vendor, retention and purpose", () => {
      expect(cookieInfo("_fbp")).toEqual({
        category: "marketing",
        vendor: "meta-pixel",
        platform: "Meta Pixel",
        retention: "4 months",
        purpose: "Used by Facebook to deliver a series of advertisement products such as real time bidding from third party advertisers",
      });
    });

    it("should take the longest prefix, and keep prefixes too short to trust as exact names", () => {
      expect(cookieInfo("_gac_gb_1")).toMatchObject({ vendor: "google-ads", category: "marketing" });
      expect(cookieInfo("wordpress_logged_in_0123")).toMatchObject({ platform: "WordPress", category: "necessary", retention: "session" });
      // Adform's "CT" is a wildcard in the source; as a prefix it would claim every cookie starting with CT.
      expect(cookieInfo("CT")).toMatchObject({ vendor: "adform" });
      expect(cookieInfo("CTX_session")).toBeUndefined();
    });

    it("should keep cookies no vendor can be joined to under their platform, and the Security category", () => {
      expect(cookieInfo("PHPSESSID")).toMatchObject({ category: "necessary", platform: "PHP.net" });
      expect(cookieInfo("PHPSESSID")?.vendor).toBeUndefined();
      expect(cookieInfo("XSRF-TOKEN")).toMatchObject({ category: "security", retention: "session" });
    });

    it("should give a vendor the policy may name its hosts and its joined cookies", () => {
      const tradeDesk = catalog.imported.vendor("tradedesk");
      expect(tradeDesk?.hosts).toEqual(["adsrvr.org"]);
      expect(tradeDesk?.cookies.map((c) => c.name)).toEqual(["TDCPM", "TDID"]);
      expect(tradeDesk?.cookies[0]).toMatchObject({ retention: "1 year", purpose: expect.stringContaining("targeted ads") });
      expect(catalog.imported.vendor("hotjar")).toBeUndefined(); // curated, not imported
      expect(catalog.has("hotjar") && catalog.has("tradedesk")).toBe(true);
      expect(catalog.has("strype")).toBe(false);
    });
  });

  describe("curated vendors", () => {
    const handWritten = catalogSchema.parse(vendorsJson).vendors;

    it("should be vendors.json's, in its order, with nothing of it lost", () => {
      expect(catalog.vendors.map((v) => v.id)).toEqual(handWritten.map((v) => v.id));
      for (const [i, vendor] of handWritten.entries()) {
        const generated = catalog.vendors[i]!;
        expect(generated).toMatchObject({ id: vendor.id, name: vendor.name, category: vendor.category, inline: vendor.inline, privacyPolicy: vendor.privacyPolicy });
        expect(generated.hosts.slice(0, vendor.hosts.length), vendor.id).toEqual(vendor.hosts);
        expect(generated.cookies.map((c) => c.name ?? c.pattern), vendor.id).toEqual(vendor.cookies.map((c) => c.name ?? c.pattern));
        expect(generated.googleTag === true, vendor.id).toBe(vendor.googleTag === true);
      }
    });

    it("should mark the Google tags, which read Consent Mode signals", () => {
      expect(catalog.vendors.filter((v) => v.googleTag).map((v) => v.id)).toEqual(["google-ads", "google-adsense", "google-analytics", "google-tag-manager"]);
    });

    it("should complete curated cookies from the Open Cookie Database where the names match", () => {
      const ga = catalog.curated("google-analytics")!;
      expect(ga.cookies.find((c) => c.name === "_gid")).toEqual({ name: "_gid", purpose: "ID used to identify users for 24 hours after last activity", retention: "24 hours" });
      // Hotjar's one pattern covers many cookies with different purposes: none is picked.
      expect(catalog.curated("hotjar")!.cookies).toEqual([{ pattern: "^_hj.*$" }]);
      const filled = catalog.vendors.flatMap((v) => v.cookies).filter((c) => c.purpose !== undefined || c.retention !== undefined);
      expect(filled.length).toBeGreaterThan(50);
    });

    it("should say where the data comes from and under which licence", () => {
      expect(catalogData.notice).toContain("CC-BY-SA-4.0");
      expect(catalogData.notice).toContain("Open Cookie Database");
    });
  });
});
