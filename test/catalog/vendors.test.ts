import { describe, expect, it } from "vitest";
import vendorsJson from "../../src/catalog/vendors.json";
import { catalogSchema } from "../../src/catalog/schema.ts";
import { catalog, westhub } from "../support/policies.ts";
import { snippetVendors } from "../../src/html/inline-snippets.ts";
import { rewrite, withoutGuard } from "../support/rewrite.ts";

/** Vendors a seed policy, a test or the demo site names: they must stay catalogued. */
const RELIED_ON = {
  "google-analytics": "google-analytics.com",
  "google-tag-manager": "googletagmanager.com",
  "google-ads": "doubleclick.net",
  "meta-pixel": "connect.facebook.net",
  hotjar: "hotjar.com",
  youtube: "youtube.com",
  instagram: "instagram.com",
  "x-pixel": "ads-twitter.com",
  "linkedin-insight": "snap.licdn.com",
  amplitude: "amplitude.com",
  stripe: "stripe.com",
  twilio: "twilio.com",
  "google-fonts": "fonts.googleapis.com",
  "adobe-fonts": "use.typekit.net",
  "bunny-fonts": "fonts.bunny.net",
  "tiktok-pixel": "tiktok.com",
  "microsoft-uet": "bat.bing.com",
  "microsoft-clarity": "clarity.ms",
  segment: "segment.com",
  mixpanel: "mixpanel.com",
  intercom: "intercom.io",
  hubspot: "hs-scripts.com",
};

/** Catalogued vendors whose tags the westhub policy blocks for an EU visitor without a choice. */
const blockable = catalog.vendors.filter((v) => !westhub.categoryById.get(westhub.vendors.find((c) => c.id === v.id)!.category ?? "")?.required);

/** The page without Consentry's own insertions (the head script with Consent Mode defaults and the guard). */
const original = (html: string) => withoutGuard(html);

describe("vendor catalog", () => {
  it("should hold at least 40 vendors, valid and sorted by id", () => {
    const parsed = catalogSchema.parse(vendorsJson);
    expect(parsed.vendors.length).toBeGreaterThanOrEqual(40);
    const ids = parsed.vendors.map((v) => v.id);
    expect(ids).toEqual([...ids].sort());
  });

  it("should stay valid as the Worker reads it, completed from the imported data", () => {
    const parsed = catalogSchema.parse({ version: 1, vendors: catalog.vendors });
    expect(parsed.vendors.map((v) => v.id)).toEqual(catalogSchema.parse(vendorsJson).vendors.map((v) => v.id));
  });

  it("should keep every vendor the policies, the tests and the demo rely on", () => {
    for (const [id, host] of Object.entries(RELIED_ON)) {
      expect(catalog.vendors.find((v) => v.id === id)?.hosts, id).toContain(host);
    }
  });

  it("should give every vendor a name, a privacy policy and something to recognise it by", () => {
    for (const vendor of catalog.vendors) {
      expect(vendor.hosts.length + vendor.inline.length, vendor.id).toBeGreaterThan(0);
      expect(new URL(vendor.privacyPolicy).protocol).toBe("https:");
    }
  });

  it("should compile every cookie pattern and match no cookie of Consentry's own", () => {
    for (const vendor of catalog.vendors) {
      for (const cookie of vendor.cookies) {
        if (cookie.pattern !== undefined) expect(new RegExp(cookie.pattern).test("consentry"), vendor.id).toBe(false);
      }
    }
  });

  it.each(blockable.map((v) => [v.id, v] as const))("should make %s's script dormant on each of its hosts", async (id, vendor) => {
    for (const host of vendor.hosts) {
      const { html } = await rewrite(`<script src="https://${host}/t.js"></script>`);
      expect(html, host).toContain(`data-src="https://${host}/t.js"`);
      expect(html, host).toContain(`data-consentry="${id}"`);
    }
  });

  it.each(blockable.filter((v) => v.inline.length > 0).map((v) => [v.id, v] as const))(
    "should name %s from each of its inline signatures, and leave the snippet running byte for byte",
    async (id, vendor) => {
      for (const signature of vendor.inline) {
        const text = `void 0; // ${signature}\n`;
        expect(snippetVendors(text, westhub.vendors).map((v) => v.id), signature).toContain(id);
        const page = `<head><script>${text}</script></head>`;
        // Refused or consented, the snippet runs as written: the allowlist refuses what it reaches for.
        expect(original((await rewrite(page, { chunk: 7 })).html), signature).toBe(page);
        expect(original((await rewrite(page, { chunk: 7, granted: [...westhub.optionalCategories] })).html), signature).toBe(page);
      }
    },
  );
});
