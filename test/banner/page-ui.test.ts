import { describe, expect, it } from "vitest";
import { bannerHtml } from "../../src/banner/banner-html.ts";
import { categoryViews } from "../../src/banner/view.ts";
import { decide } from "../../src/decision/decide.ts";
import { messagesFor } from "../../src/i18n/messages.ts";
import { variant, westhub, westhubInput, whereby, wherebyInput } from "../support/policies.ts";
import { rewrite, withoutGuard, withoutUi } from "../support/rewrite.ts";

const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body><p>content</p></body></html>`;
const banner = (html: string) => html.match(/<section id="consentry"[\s\S]*?<\/section>/)?.[0] ?? "";

describe("page UI", () => {
  describe("the banner", () => {
    it("should go in once, at the start of <body>, after the guard, for a visitor with no choice", async () => {
      const { html } = await rewrite(PAGE);
      expect(html.match(/<section id="consentry"/g)).toHaveLength(1);
      expect(html.indexOf("data-consentry-guard")).toBeLessThan(html.indexOf(`<section id="consentry"`));
      expect(html).toMatch(/<head><script data-consentry-guard>/);
      expect(html).toMatch(/<body><style data-consentry-ui>[^<]*<\/style><section id="consentry"/);
      expect(html).toContain(`<p>content</p></body></html>`);
      expect(withoutGuard(html)).toBe(PAGE);
    });

    it("should go in once when the page has two <body> tags, none, or no </body>", async () => {
      for (const page of [`<body><p>a</p><body class="x"><p>b</p></body>`, `<p>fragment</p>`, `<html><body><p>unclosed`]) {
        const { html } = await rewrite(page);
        expect(html.match(/<section id="consentry"/g), page).toHaveLength(1);
        expect(withoutGuard(html), page).toBe(page);
      }
    });

    it("should offer reject next to accept as equal buttons, a policy link and a second layer", async () => {
      const html = banner((await rewrite(PAGE)).html);
      expect(html).toContain(`<form method="post" action="/_consentry/consent"><input type="hidden" name="return" value="/">`);
      expect(html).toContain(
        `<div class="cy-r"><button type="submit" name="action" value="reject-all">Reject all</button><button type="submit" name="action" value="accept-all">Accept all</button></div>`,
      );
      expect(html).toContain(`<a href="${westhub.links.cookiePolicy}">Cookie policy</a>`);
      expect(html).toMatch(/<details><summary>Customise<\/summary>.*<button type="submit" name="action" value="custom">Save choices<\/button><\/div><\/details>/);
    });

    it("should render each visitor's own state when visitors in different states ask for the same page in turn", async () => {
      // The banner's HTML is kept per visitor state (src/banner/page-ui.ts): no state may see another's.
      const analytics = (html: string) => /<input type="checkbox" id="cy-analytics"[^>]*\bchecked\b/.test(banner(html));
      const de = (await rewrite(PAGE)).html;
      const ca = (await rewrite(PAGE, { country: "US-CA" })).html;
      const caGpc = (await rewrite(PAGE, { country: "US-CA", gpc: true })).html;
      const german = (await rewrite(PAGE, { language: "de" })).html;
      const deAgain = (await rewrite(PAGE)).html;
      expect(analytics(de)).toBe(false);
      expect(analytics(ca)).toBe(true);
      expect(banner(ca)).toContain("data-opt-out");
      expect(banner(de)).not.toContain("data-opt-out");
      expect(banner(caGpc)).toContain("data-gpc");
      expect(banner(ca)).not.toContain("data-gpc");
      expect(banner(german)).toContain(`lang="de"`);
      expect(banner(de)).not.toContain(`lang="de"`);
      expect(deAgain).toBe(de);
      const other = (await rewrite(PAGE, { url: `https://${westhub.hosts[0]}/pricing?plan=team` })).html;
      expect(banner(other)).toContain(`name="return" value="/pricing?plan=team"`);
    });

    it("should pre-tick nothing under opt-in, show required categories as always on and forbidden ones as not used", async () => {
      const html = banner((await rewrite(PAGE)).html);
      const checked = [...html.matchAll(/<input type="checkbox" id="cy-(\w+)"[^>]*\bchecked\b/g)].map((m) => m[1]);
      expect(checked.sort()).toEqual(westhub.categories.filter((c) => c.required).map((c) => c.id).sort());
      expect(html).toMatch(/<input type="checkbox" id="cy-necessary" checked disabled>/);
      expect(html).toMatch(/<input type="checkbox" id="cy-analytics" name="category" value="analytics">/);
      expect(html).toMatch(/Marketing <small>Not used<\/small>/i);
      expect(html).not.toContain(`value="marketing"`);
    });

    it("should list the vendors under each category and link the cookie declaration", async () => {
      const namesOnly = variant(wherebyInput, (p) => (p.banner = { ...p.banner, vendorSwitches: false }));
      const html = banner((await rewrite(PAGE, { policy: namesOnly })).html);
      const advertising = html.slice(html.indexOf(`id="cy-advertising"`));
      expect(advertising).toMatch(/Third parties: [^<]*YouTube/);
      // Cookies are one link away, in the declaration (with purpose and lifetime), not listed in the banner.
      expect(html).not.toContain("<code>_fbp</code>");
      expect(html).toContain(`<a href="/_consentry/cookies">Cookies used on Whereby</a>`);
      const analysis = html.slice(html.indexOf(`id="cy-analysis"`), html.indexOf(`id="cy-integrations"`));
      expect(analysis).toMatch(/Third parties: [^<]*Google Analytics/);
    });

    it("should give each vendor of an optional category its own switch when the policy asks, none pre-ticked", async () => {
      const html = banner((await rewrite(PAGE, { policy: whereby })).html);
      const advertising = html.slice(html.indexOf(`id="cy-advertising"`), html.indexOf(`id="cy-integrations"`) > html.indexOf(`id="cy-advertising"`) ? html.indexOf(`id="cy-integrations"`) : undefined);
      expect(advertising).toMatch(/<fieldset class="cy-v"><legend>Third parties<\/legend><label><input type="checkbox" name="vendor" value="[a-z0-9-]+"> [^<]+<\/label>/);
      expect(advertising).toMatch(/<input type="checkbox" name="vendor" value="youtube"> YouTube<\/label>/);
      expect(html).not.toMatch(/name="vendor"[^>]*checked/);
      // Required categories have no switches: nothing there to choose.
      const required = whereby.categories.find((c) => c.required)!;
      const part = html.slice(html.indexOf(`id="cy-${required.id}"`));
      expect(part.slice(0, part.indexOf(`class="cy-c"`) > 0 ? part.indexOf(`class="cy-c"`) : undefined)).not.toContain(`name="vendor"`);
    });

    it("should tick a vendor switch for a vendor the visitor allowed, and every switch of an allowed category", () => {
      const route = whereby.route(new URL("https://whereby.com/"));
      const choice = { granted: ["analysis"], refused: ["advertising"], vendors: ["youtube"], revision: whereby.revision, time: 0, id: "x".repeat(22), gpc: false };
      const decision = decide({ policy: whereby, route, consent: { status: "valid", choice }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
      const html = bannerHtml({ siteName: "Whereby", cookiePolicy: "https://whereby.com/cookies", locale: "en", messages: messagesFor("en"), categories: categoryViews(whereby, decision), returnPath: "/", vendorSwitches: true });
      const ticked = [...html.matchAll(/name="vendor" value="([a-z0-9-]+)" checked/g)].map((m) => m[1]);
      const analysis = whereby.vendors.filter((v) => v.declared && v.category === "analysis").map((v) => v.id);
      expect(ticked.sort()).toEqual(["youtube", ...analysis].sort());
    });

    it("should show what is on under opt-out, and say that GPC was honoured", async () => {
      const ca = banner((await rewrite(PAGE, { country: "US-CA" })).html);
      expect(ca).toMatch(/id="cy-analytics" name="category" value="analytics" checked>/);
      expect(ca).not.toContain("data-gpc");
      const gpc = banner((await rewrite(PAGE, { country: "US-CA", gpc: true })).html);
      // A standing opt-out: the toggle is shown off and not offered (11 CCR §7025(c), §7026(k)).
      expect(gpc).toMatch(/id="cy-analytics" disabled> Analytics <small class="cy-g" data-gpc>Opt-out preference signal honoured<\/small>/);
      expect(gpc).not.toContain(`value="analytics"`);
      expect(gpc).toContain(`<p role="status" data-gpc><strong>Opt-out preference signal honoured.</strong> Your browser sent a Global Privacy Control signal. We treat it as your opt-out of the sale and sharing of your personal information, so these stay off: Analytics.</p>`);
    });

    it("should speak the visitor's language and let the policy override any string", async () => {
      const de = banner((await rewrite(PAGE, { language: "de-AT,de;q=0.9,en;q=0.5" })).html);
      expect(de).toContain(`lang="de"`);
      expect(de).not.toContain(">Accept all<");
      const custom = variant(westhubInput, (p) => {
        p.banner = { texts: { en: { acceptAll: "Yes, all of them" } } };
      });
      expect(banner((await rewrite(PAGE, { policy: custom })).html)).toContain(">Yes, all of them</button>");
    });

    it("should escape what the policy writes", async () => {
      const hostile = variant(westhubInput, (p) => {
        p.name = `<img src=x onerror=alert(1)>`;
        p.categories[3]!.description = `"><script>alert(1)</script>`;
      });
      const html = banner((await rewrite(PAGE, { policy: hostile })).html);
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<script>alert");
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    });

    it("should carry the page's CSP nonces on its style and script", async () => {
      const { html } = await rewrite(PAGE, { headers: { "content-security-policy": "script-src 'nonce-abc123'; style-src 'nonce-sty1e'" } });
      expect(html).toContain(`<style nonce="sty1e" data-consentry-ui>`);
      expect(html).toMatch(/<script nonce="abc123" data-consentry-ui>/);
    });
  });

  describe("the settings control", () => {
    it("should replace the banner once the visitor has chosen, where the policy puts it", async () => {
      const { html } = await rewrite(PAGE, { granted: [] });
      expect(html).not.toContain(`<section id="consentry"`);
      expect(html).toContain(`<a id="consentry-settings" class="cy-s cy-sl" href="/_consentry/settings?return=%2F" data-consentry-ui>Cookie settings</a>`);
      const right = variant(westhubInput, (p) => {
        p.banner = { settingsButton: "bottom-right" };
      });
      expect((await rewrite(PAGE, { policy: right, granted: [] })).html).toContain(`class="cy-s cy-sr"`);
    });

    it("should wait hidden behind the banner, and be left out when the site links to settings itself", async () => {
      expect((await rewrite(PAGE)).html).toMatch(/<a id="consentry-settings"[^>]* hidden data-consentry-ui>/);
      const off = variant(westhubInput, (p) => {
        p.banner = { settingsButton: "off" };
      });
      const { html } = await rewrite(PAGE, { policy: off, granted: [] });
      expect(html).not.toContain("data-consentry-ui");
      expect(withoutGuard(html)).toBe(PAGE);
    });
  });

  it("should insert nothing in report-only mode or on a route without a banner", async () => {
    expect(withoutGuard((await rewrite(PAGE, { mode: "report-only" })).html)).toBe(PAGE);
    expect((await rewrite(PAGE, { mode: "report-only" })).html).not.toContain("data-consentry-ui");
    const quiet = variant(westhubInput, (p) => {
      p.routes = [{ pattern: "/embed/*", banner: false }, ...(p.routes ?? [])];
    });
    expect((await rewrite(PAGE, { policy: quiet, url: "https://westhub.app/embed/x" })).html).not.toContain("data-consentry-ui");
  });

  describe("the cookie declaration", () => {
    it("should fill any element that asks for it, from the policy and the catalog", async () => {
      const { html } = await rewrite(`<body><div data-consent-cookie-table>outdated list</div></body>`, { policy: whereby, granted: [] });
      const table = withoutUi(html);
      expect(table).not.toContain("outdated list");
      expect(table).toMatch(/<div data-consent-cookie-table><table class="consentry-cookies"/);
      expect(table).toContain("<td><code>__Host-consentry</code></td>");
      expect(table).toMatch(/<td><code>_ga<\/code><\/td><td>[^<]+<\/td><td><a href="https:\/\/policies\.google\.com\/privacy">Google Analytics<\/a><\/td>/);
      for (const cookie of whereby.declaredCookies) if (cookie.name !== undefined) expect(table).toContain(`<code>${cookie.name}</code>`);
    });
  });
});
