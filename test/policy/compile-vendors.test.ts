/**
 * A policy's vendors over the catalog: the policy's own rules first, then the
 * curated vendors, then the imported catalog, compiled only when first met.
 */
import { describe, expect, it } from "vitest";
import type { CompiledVendor } from "../../src/policy/compile.ts";
import { validatePolicy } from "../../src/policy/load.ts";
// The catalog the policies below are compiled against: the Worker's (src/catalog/bundled.ts).
import { catalog, variant, westhub, westhubInput, whereby, wherebyInput } from "../support/policies.ts";

/** The imported vendor as an eager compile would give it: everything from the catalog, the category mapped by the policy. */
function eager(id: string, mapped: Record<string, string>): CompiledVendor {
  const entry = catalog.imported.vendor(id)!;
  return {
    id,
    name: entry.name,
    category: entry.category === null ? null : mapped[entry.category]!,
    hosts: entry.hosts,
    cookies: entry.cookies,
    declared: false,
    curated: false,
    source: "imported",
    googleTag: false,
    inline: [],
    scope: "everywhere",
    privacyPolicy: undefined,
  };
}

const WHEREBY_MAPPING = { necessary: "payment", security: "payment", functional: "integrations", analytics: "analysis", marketing: "advertising" };

describe("policy vendors", () => {
  describe("the imported catalog as a fallback", () => {
    it("should name a host only the imported catalog knows, undeclared, with the policy's category", () => {
      expect(whereby.vendorForHost("js.adsrvr.org")).toMatchObject({ id: "tradedesk", name: "TradeDesk", category: "advertising", declared: false, curated: false, source: "imported" });
      expect(westhub.vendorForHost("js.adsrvr.org")).toMatchObject({ id: "tradedesk", category: "marketing" });
      expect(whereby.vendorForHost("www.linkedin.com")).toMatchObject({ id: "linkedin", category: null });
    });

    it("should compile an imported vendor once, and find it by id afterwards", () => {
      const policy = variant(wherebyInput, () => {});
      const first = policy.vendorForHost("d.adroll.com");
      expect(policy.vendorForHost("adroll.com")).toBe(first);
      expect(policy.vendorById("adroll")).toBe(first);
      expect(policy.vendorById("nobody-at-all")).toBeUndefined();
    });

    it("should compile no imported vendor with the policy: `vendors` holds its own and the curated ones", () => {
      const policy = variant(wherebyInput, () => {});
      expect(policy.vendors.length).toBe(catalog.vendors.length);
      expect(policy.vendors.every((v) => v.source === "curated")).toBe(true);
      policy.vendorForHost("d.adroll.com");
      expect(policy.vendors.some((v) => v.id === "adroll")).toBe(false);
      // The guard's cookie rules stay the policy's and its vendors': thousands of imported names would go into every page.
      expect(policy.cookieRules.some((r) => r.vendor === "linkedin" || r.vendor === "tradedesk")).toBe(false);
    });

    it("should give the same vendor for every imported host lazily as an eager compile would, in any order", () => {
      const hosts = catalog.imported.hosts();
      const forward = variant(wherebyInput, () => {});
      const backward = variant(wherebyInput, () => {});
      const seen = new Map<string, CompiledVendor>();
      for (const [host, id] of hosts) {
        const vendor = forward.vendorForHost(host)!;
        expect(vendor, host).toEqual(eager(id, WHEREBY_MAPPING));
        seen.set(host, vendor);
      }
      for (const [host] of [...hosts].reverse()) expect(backward.vendorForHost(host), host).toEqual(seen.get(host));
    });
  });

  describe("a policy that names an imported vendor", () => {
    const input = structuredClone(wherebyInput);
    input.vendors = [...(input.vendors ?? []), { id: "tradedesk", scope: "routes" }];
    input.routes = [...(input.routes ?? []), { pattern: "/shop/*", vendors: { allow: ["tradedesk"] } }];
    const policy = variant(input, () => {});

    it("should validate without a name, a category or hosts: the catalog has them", () => {
      expect(() => validatePolicy("policies/whereby.json", input, catalog)).not.toThrow();
      const unknown = structuredClone(input);
      unknown.vendors!.push({ id: "tradedesq" });
      expect(() => validatePolicy("policies/whereby.json", unknown, catalog)).toThrow(/vendor "tradedesq" is not in the catalog, so it needs a name/);
    });

    it("should declare it, with the catalog's hosts and cookies and the policy's scope", () => {
      const vendor = policy.vendorById("tradedesk")!;
      expect(vendor).toMatchObject({ name: "TradeDesk", category: "advertising", scope: "routes", declared: true, source: "imported", hosts: ["adsrvr.org"] });
      expect(vendor.cookies.map((c) => c.name)).toEqual(["TDCPM", "TDID"]);
      expect(policy.vendors).toContain(vendor);
      expect(policy.vendorForHost("match.adsrvr.org")).toBe(vendor);
      expect(policy.cookieRules).toContainEqual({ name: "TDID", pattern: undefined, vendor: "tradedesk", category: "advertising" });
      expect(policy.expirableCookies("advertising").some((c) => c.name === "TDID")).toBe(true);
    });
  });

  describe("policy rules win over the catalog", () => {
    it("should let the policy's own vendor claim an imported host", () => {
      const policy = variant(westhubInput, (p) => {
        p.vendors!.push({ id: "our-cdn", name: "Our CDN", category: "necessary", hosts: ["cdn.jsdelivr.net"] });
      });
      expect(policy.vendorForHost("cdn.jsdelivr.net")).toMatchObject({ id: "our-cdn", source: "policy", declared: true });
      expect(policy.vendorForHost("fastly.jsdelivr.net")).toMatchObject({ id: "jsdelivr", source: "imported", declared: false });
    });

    it("should let the policy's category for an imported vendor reach its hosts and its cookies", () => {
      const policy = variant(wherebyInput, (p) => {
        p.vendors!.push({ id: "tradedesk", category: "analysis" });
      });
      expect(policy.vendorForHost("adsrvr.org")?.category).toBe("analysis");
      expect(policy.classifyCookie("TDID")).toMatchObject({ category: "analysis", vendor: "tradedesk" });
    });

    it("should let a policy cookie rule beat the imported catalog and a curated vendor's exact name", () => {
      const policy = variant(westhubInput, (p) => {
        p.cookies!.push({ name: "PHPSESSID", category: "functional" }, { pattern: "^_g[a-z]$", category: "functional" });
      });
      expect(policy.classifyCookie("PHPSESSID")).toEqual({ category: "functional", source: "policy" });
      // The curated Google Analytics vendor lists `_ga` by name; the policy's pattern still wins.
      expect(policy.classifyCookie("_ga")).toEqual({ category: "functional", source: "policy" });
      expect(westhub.classifyCookie("_ga")).toMatchObject({ category: "analytics", source: "vendor" });
    });
  });

  describe("cookies only the imported catalog knows", () => {
    it("should classify them with the policy's mapping, source catalog", () => {
      expect(whereby.classifyCookie("PHPSESSID")).toEqual({ category: "payment", source: "catalog" });
      expect(whereby.classifyCookie("wordpress_logged_in_0123")).toEqual({ category: "payment", source: "catalog" });
      expect(whereby.classifyCookie("TDID")).toEqual({ category: "advertising", source: "catalog", vendor: "tradedesk" });
      expect(whereby.classifyCookie("mystery")).toEqual({ category: null, source: "unknown" });
    });

    it("should give a curated vendor's imported cookie that vendor's category in the policy", () => {
      expect(whereby.classifyCookie("_gac_123")).toEqual({ category: "analysis", source: "catalog", vendor: "google-analytics" });
    });

    it("should put security cookies in the policy's security category, else where necessary goes, else where the policy says", () => {
      expect(westhub.classifyCookie("CRAFT_CSRF_TOKEN").category).toBe("security");
      expect(whereby.classifyCookie("CRAFT_CSRF_TOKEN").category).toBe("payment");
      const mapped = variant(wherebyInput, (p) => {
        p.catalogCategories = { ...p.catalogCategories, security: "authentication" };
      });
      expect(mapped.classifyCookie("CRAFT_CSRF_TOKEN").category).toBe("authentication");
    });
  });

  it("should expose the catalog's googleTag property on compiled vendors", () => {
    const tags = westhub.vendors.filter((v) => v.googleTag).map((v) => v.id);
    expect(tags).toEqual(["google-ads", "google-adsense", "google-analytics", "google-tag-manager"]);
    expect(westhub.vendorForHost("www.googletagmanager.com")?.googleTag).toBe(true);
    expect(westhub.vendorForHost("connect.facebook.net")?.googleTag).toBe(false);
    expect(westhub.vendorForHost("js.adsrvr.org")?.googleTag).toBe(false);
  });
});
