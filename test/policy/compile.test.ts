import { describe, expect, it } from "vitest";
import { westhub, westhubInput, whereby, variant } from "../support/policies.ts";

describe("compiled policy", () => {
  describe("cookie classification", () => {
    it("should find exact names, patterns, catalog vendors and Consentry's own cookie", () => {
      expect(westhub.classifyCookie("__cf_bm")).toEqual({ category: "security", source: "policy" });
      expect(westhub.classifyCookie("__Host-session")).toEqual({ category: "necessary", source: "policy" });
      expect(westhub.classifyCookie("_ga")).toMatchObject({ category: "analytics", source: "vendor", vendor: "google-analytics" });
      expect(westhub.classifyCookie("_fbp")).toMatchObject({ category: "marketing", source: "vendor" });
      expect(westhub.classifyCookie("consentry")).toEqual({ category: null, source: "consentry" });
      expect(westhub.classifyCookie("mystery")).toEqual({ category: null, source: "unknown" });
    });

    it("should map catalog categories into the policy's own", () => {
      expect(whereby.classifyCookie("_ga").category).toBe("analysis");
      expect(whereby.classifyCookie("_fbp").category).toBe("advertising");
    });

    it("should give the same answer from its memo as on first sight", () => {
      const first = westhub.classifyCookie("_ga_ABC123");
      expect(first.category).toBe("analytics");
      expect(westhub.classifyCookie("_ga_ABC123")).toEqual(first);
    });
  });

  describe("vendor hosts", () => {
    it("should match a host and its subdomains, not look-alikes", () => {
      expect(westhub.vendorForHost("js.stripe.com")?.id).toBe("stripe");
      expect(westhub.vendorForHost("JS.STRIPE.COM.")?.id).toBe("stripe");
      expect(westhub.vendorForHost("notstripe.com")).toBeUndefined();
      expect(westhub.vendorForHost("stripe.com.evil.test")).toBeUndefined();
    });

    it("should let the policy override a catalog vendor's category", () => {
      expect(westhub.vendorForHost("js.stripe.com")).toMatchObject({ category: "necessary", scope: "routes" });
      expect(whereby.vendorForHost("js.stripe.com")).toMatchObject({ category: "payment", scope: "everywhere" });
    });
  });

  describe("routes", () => {
    it("should take the first matching rule and fall back to the default", () => {
      expect(westhub.route(new URL("https://westhub.app/billing")).source).toBe("/billing{/*}?");
      expect(westhub.route(new URL("https://westhub.app/billing/invoices/2")).allow.has("stripe")).toBe(true);
      expect(westhub.route(new URL("https://westhub.app/billingx")).source).toBe("(default)");
      const p = variant(westhubInput, (input) => {
        input.routes = [{ pattern: "/docs/*", mode: "off" }, { pattern: "/docs/api/*", mode: "report-only" }];
      });
      expect(p.route(new URL("https://westhub.app/docs/api/x")).mode).toBe("off");
    });

    it("should match whole-URL patterns on the host", () => {
      const p = variant(westhubInput, (input) => {
        input.routes = [{ pattern: "https://staging.westhub.app/*", mode: "report-only" }];
      });
      expect(p.route(new URL("https://staging.westhub.app/x")).mode).toBe("report-only");
      expect(p.route(new URL("https://westhub.app/x")).mode).toBe("enforce");
    });
  });

  it("should treat categories neither required nor forbidden as the visitor's to decide", () => {
    expect(westhub.optionalCategories).toEqual(["functional", "analytics"]);
    expect(whereby.optionalCategories).toEqual(["analysis", "integrations", "advertising"]);
  });

  it("should give unknown countries the strictest regime the policy uses", () => {
    expect(westhub.strictestRegime).toBe("opt-in");
    const lenient = variant(westhubInput, (input) => {
      input.jurisdictions = { rules: [{ regions: ["US-CA"], regime: "opt-out" }], default: "notice" };
    });
    expect(lenient.strictestRegime).toBe("opt-out");
  });

  it("should list declared cookies of a category with their domains and paths for expiry", () => {
    const p = variant(westhubInput, (input) => {
      input.cookies!.push({ name: "wh_tracking", category: "analytics", domains: [".westhub.app"], paths: ["/", "/app"] });
    });
    expect(p.expirableCookies("analytics")).toContainEqual({ name: "wh_tracking", domains: [".westhub.app"], paths: ["/", "/app"] });
    expect(p.expirableCookies("analytics").some((c) => c.name === "_ga")).toBe(true);
  });
});
