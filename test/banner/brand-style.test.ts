/**
 * `banner.brand`: the CSS a brand adds (nothing without one), what the schema lets
 * through and what the CSS builder keeps out anyway, the logo escaped in the
 * markup, and a branded style element admitted by hash under a strict site CSP.
 */
import { describe, expect, it } from "vitest";
import { BANNER_CSS } from "../../src/banner/banner-style.ts";
import { bannerCss, brandCss } from "../../src/banner/brand-style.ts";
import { contrastRatio } from "../../src/banner/contrast.ts";
import { bannerHtml } from "../../src/banner/banner-html.ts";
import { pageUiHtml } from "../../src/banner/page-ui.ts";
import { decide } from "../../src/decision/decide.ts";
import { cspNonces } from "../../src/html/csp.ts";
import { inlineSources } from "../../src/html/inline-hashes.ts";
import { pagePlan } from "../../src/html/page-plan.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import { brandSchema } from "../../src/policy/schema.ts";
import { variant, westhub, westhubInput } from "../support/policies.ts";

const BRAND = { colors: { accent: "#7a1fa2", background: "#FFF8E1", text: "#222" }, font: `"Inter", system-ui, sans-serif`, radius: 12, position: "top" as const, logo: "/logo.png" };
const branded = variant(westhubInput, (p) => {
  p.banner = { ...p.banner, brand: BRAND };
});

function ui(policy = westhub) {
  const route = policy.route(new URL(`https://${policy.hosts[0]}/`));
  const decision = decide({ policy, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  return pageUiHtml({ policy, decision, route, request: new Request(`https://${policy.hosts[0]}/`) }, cspNonces(new Headers()))!;
}

describe("brandCss", () => {
  it("should add nothing to an unbranded banner", () => {
    expect(brandCss(undefined)).toBe("");
    expect(bannerCss(westhub.banner)).toBe(BANNER_CSS);
    expect(ui()).toContain(`<style data-consentry-ui>${BANNER_CSS}</style>`);
    expect(ui()).not.toContain("<img");
  });

  it("should set the palette over both schemes, the font, the radius and the position", () => {
    expect(brandCss(brandSchema.parse(BRAND))).toBe(
      `.cy.cy,.cy-s.cy-s{--b:#FFF8E1;--f:#222;--m:#222;--a:#7a1fa2;--l:#2228;font-family:"Inter", system-ui, sans-serif}` +
        "#consentry{position:sticky;top:0;border:1px solid var(--l);border-top:0}body:has(#consentry){padding-bottom:0}" +
        "#consentry,.cy button,.cy-s.cy-s{border-radius:12px}",
    );
    expect(brandCss({ position: "top" })).toBe("#consentry{position:sticky;top:0;border:1px solid var(--l);border-top:0;border-radius:0 0 8px 8px}body:has(#consentry){padding-bottom:0}");
    expect(ui(branded)).toContain(`<style data-consentry-ui>${BANNER_CSS}${brandCss(branded.banner.brand)}</style>`);
    expect(ui(branded)).toContain(`<img src="/logo.png" alt="" height="40"><h2>`);
  });

  it("should fill missing colours from the light palette", () => {
    expect(brandCss({ colors: { accent: "#065f46" }, position: "bottom" })).toBe(".cy.cy,.cy-s.cy-s{--b:#fff;--f:#1d232b;--m:#1d232b;--a:#065f46;--l:#1d232b80}");
  });

  it("should keep out of the CSS anything that could end the rule or the style element, whatever reaches it", () => {
    const css = brandCss({ font: `x}</style><script>alert(1)</script>{`, colors: { background: "#fff;}<x>" }, position: "bottom" });
    expect(css).not.toMatch(/[<>]|\}[^.#b]|;\}</);
    expect(css).not.toContain("</style");
    expect(css).toBe(".cy.cy,.cy-s.cy-s{--b:#fffx;--f:#1d232b;--m:#1d232b;--a:#0b57d0;--l:#1d232b80;font-family:xstylescriptalert1script}");
  });

  it("should escape the logo's address in the markup", () => {
    const html = bannerHtml({ siteName: "S", cookiePolicy: "/c", locale: "en", messages: messagesFor("en", {}), categories: [], returnPath: "/", logo: `/a"><script>x</script>` });
    expect(html).toContain(`<img src="/a&quot;&gt;&lt;script&gt;x&lt;/script&gt;" alt="" height="40">`);
  });
});

describe("brandSchema", () => {
  const issues = (brand: unknown) => {
    const r = brandSchema.safeParse(brand);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("should refuse a colour pair below WCAG AA's 4.5:1, naming the colour to change", () => {
    expect(contrastRatio("#000", "#fff")).toBe(21);
    expect(issues({ colors: { accent: "#8ab4f8" } })).toEqual(["colors.accent: accent #8ab4f8 on background #fff has a contrast of 2.11:1, below the 4.5:1 WCAG AA asks for text (WCAG 2.2 §1.4.3)"]);
    expect(issues({ colors: { background: "#1d232b" } })).toEqual([
      "colors.background: text #1d232b on background #1d232b has a contrast of 1.00:1, below the 4.5:1 WCAG AA asks for text (WCAG 2.2 §1.4.3)",
      "colors.background: accent #0b57d0 on background #1d232b has a contrast of 2.48:1, below the 4.5:1 WCAG AA asks for text (WCAG 2.2 §1.4.3)",
    ]);
    expect(issues({ colors: { background: "#101418", text: "#f0f0f0", accent: "#8ab4f8" } })).toEqual([]);
    expect(issues(BRAND)).toEqual([]);
  });

  it("should take only plain values: hex colours, a font-family list, pixels, a same-origin path or https logo", () => {
    expect(issues({ colors: { text: "red" } })).toEqual(["colors.text: must be a colour as #rgb or #rrggbb"]);
    expect(issues({ font: "Inter; color: red" })).toEqual([`font: must be a CSS font-family list such as "Inter", system-ui, sans-serif`]);
    expect(issues({ font: `"Inter` })).toHaveLength(1);
    expect(issues({ radius: 40 })).toHaveLength(1);
    expect(issues({ position: "center" })).toHaveLength(1);
    for (const logo of ["//evil.example/x.png", "http://site.test/x.png", "javascript:alert(1)", "/a b.png", `/x"y`, "logo.png"]) {
      expect(issues({ logo }), logo).toEqual(["logo: must be a path on the site (/logo.svg) or an https: URL"]);
    }
    expect(issues({ logo: "https://cdn.westhub.app/logo.svg" })).toEqual([]);
  });
});

describe("a branded banner under a strict site CSP", () => {
  it("should admit its own style element by hash", async () => {
    const route = branded.route(new URL("https://westhub.app/"));
    const decision = decide({ policy: branded, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
    const sources = await inlineSources(pagePlan({ policy: branded, decision, route }), cspNonces(new Headers()), branded.banner);
    const css = bannerCss(branded.banner);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css)));
    expect(sources.styles[0]).toBe(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
    const plain = await inlineSources(pagePlan({ policy: westhub, decision: { ...decision, policyId: "westhub" }, route }), cspNonces(new Headers()), westhub.banner);
    expect(plain.styles[0]).not.toBe(sources.styles[0]);
  });
});
