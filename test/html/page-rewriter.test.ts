import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { westhub, whereby } from "../support/policies.ts";
import { rewrite, withoutGuard, withoutUi } from "../support/rewrite.ts";

const META = "https://connect.facebook.net/en_US/fbevents.js";
const GA = "https://www.google-analytics.com/analytics.js";
const HOTJAR = "https://static.hotjar.com/c/hotjar-1.js?sv=6";

describe("page rewriter", () => {
  describe("external scripts", () => {
    it("should make an unconsented vendor's script dormant in the shared markup", async () => {
      const { html } = await rewrite(`<head><script async src="${META}"></script></head>`);
      expect(withoutGuard(html)).toBe(
        `<head><script async type="text/plain" data-src="${META}" data-category="marketing" data-consentry="meta-pixel"></script></head>`,
      );
    });

    it("should keep the original type aside for modules", async () => {
      const { html } = await rewrite(`<script type="module" src="${HOTJAR}"></script>`);
      expect(html).toContain(`<script type="text/plain" data-type="module" data-src="${HOTJAR}" data-category="analytics" data-consentry="hotjar"></script>`);
    });

    it("should leave consented, first-party and unknown third-party scripts alone", async () => {
      const tags = [`<script src="${GA}"></script>`, `<script src="/app.js"></script>`, `<script src="https://westhub.app/x.js"></script>`, `<script src="https://cdn.jsdelivr.net/npm/x.js"></script>`];
      const { html } = await rewrite(`<head>${tags.join("")}</head>`, { granted: ["analytics"] });
      for (const tag of tags) expect(html).toContain(tag);
      expect(withoutGuard(html)).not.toContain("text/plain");
    });

    it("should resolve relative, protocol-relative and <base href> URLs as the browser does", async () => {
      const { html } = await rewrite(
        `<head><base href="https://connect.facebook.net/en_US/"><base href="https://westhub.app/"><script src="fbevents.js"></script><script src="//static.hotjar.com/c/h.js"></script></head>`,
      );
      expect(html).toContain(`data-src="fbevents.js" data-category="marketing"`);
      expect(html).toContain(`data-src="//static.hotjar.com/c/h.js" data-category="analytics"`);
    });

    it("should match upper-case tags and odd quoting", async () => {
      const { html } = await rewrite(`<HEAD><SCRIPT SRC=${META}></SCRIPT><script src='${HOTJAR}'></script></HEAD>`);
      expect(html).toContain(`<SCRIPT type="text/plain" data-src="${META}" data-category="marketing"`);
      expect(html).toContain(`<script type="text/plain" data-src="${HOTJAR}"`);
      expect(html.match(/type="text\/plain"/g)).toHaveLength(2);
    });

    it("should decode character references before judging a URL", async () => {
      const { html } = await rewrite(`<script src="https://connect&#46;facebook&period;net/x.js"></script>`);
      expect(html).toContain(`data-category="marketing"`);
    });

    it("should let data: and blob: URLs through (no third party)", async () => {
      const page = `<script src="data:text/javascript,void 0"></script><img src="blob:https://westhub.app/1">`;
      expect(withoutGuard((await rewrite(page)).html)).toBe(page);
    });

    it("should neutralise SVG scripts and scripts inside <template>", async () => {
      const { html } = await rewrite(`<template><script src="${META}"></script></template><svg><script href="${META}"></script></svg>`);
      expect(html).toMatch(/^<template><script type="text\/plain" data-src="https:\/\/connect\.facebook\.net/);
      expect(html).toContain(`<svg><script type="text/plain" data-href="${META}"`);
      // Nothing runs inside <template> or as SVG script: the guard goes elsewhere.
      expect(html).toMatch(/<\/svg><script data-consentry-guard>/);
    });

    it("should leave non-executable script types alone", async () => {
      const page = `<script type="text/plain" data-category="analytics" src="${GA}"></script><script type="application/ld+json">{"fbq('init'":1}</script>`;
      expect(withoutGuard((await rewrite(page)).html)).toBe(page);
    });
  });

  describe("per-route vendor rules", () => {
    const stripe = `<script src="https://js.stripe.com/v3/"></script>`;
    it("should keep Stripe.js on the billing pages", async () => {
      expect(withoutGuard((await rewrite(stripe, { url: "https://westhub.app/billing/card" })).html)).toBe(stripe);
    });
    it("should remove it elsewhere, whatever the visitor chose, for good", async () => {
      const { html } = await rewrite(stripe, { url: "https://westhub.app/settings", granted: ["functional", "analytics"] });
      expect(html).toContain(`data-src="https://js.stripe.com/v3/" data-category="necessary" data-consentry="~route"`);
    });
  });

  describe("iframes, embeds and objects", () => {
    it("should keep the frame's size, hide it and put an accessible placeholder with contextual consent in front", async () => {
      const { html } = await rewrite(`<iframe width="560" height="315" src="https://www.youtube.com/embed/x" title="Video"></iframe>`, {
        policy: whereby,
        granted: ["analysis"],
        url: "https://whereby.com/page?a=1&b=<2>",
      });
      expect(html).toMatch(/<form method="post" action="\/_consentry\/consent" class="consentry-placeholder" role="region" aria-label="YouTube" data-consentry-placeholder="youtube" style="width:560px;min-height:315px">/);
      expect(html).toContain(`<input type="hidden" name="category" value="analysis"><input type="hidden" name="category" value="advertising">`);
      expect(html).toContain(`<input type="hidden" name="return" value="/page?a=1&amp;b=%3C2%3E">`);
      expect(html).toContain(`<button type="submit">Allow Advertising content</button>`);
      expect(html).toContain(`<iframe width="560" height="315" title="Video" data-src="https://www.youtube.com/embed/x" data-category="advertising" data-consentry="youtube" hidden="" data-consentry-hidden="">`);
    });

    it("should offer no consent button for a forbidden category", async () => {
      const { html } = await rewrite(`<iframe src="https://www.facebook.com/plugins/page.php"></iframe>`);
      expect(html).toContain(`<div class="consentry-placeholder"`);
      expect(withoutUi(html)).not.toContain("<button");
    });

    it("should neutralise embed and object", async () => {
      const { html } = await rewrite(`<embed src="https://www.youtube.com/v/x"><object data="https://www.youtube.com/v/y"></object>`, { policy: whereby });
      expect(html).toContain(`<embed data-src="https://www.youtube.com/v/x"`);
      expect(html).toContain(`<object data-data="https://www.youtube.com/v/y"`);
    });
  });

  describe("pixels, links and media", () => {
    it("should hold back tracking pixels and leave other images alone", async () => {
      const { html } = await rewrite(`<img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" width="1" height="1"><img src="/logo.png"><img src="https://images.example/x.png">`);
      expect(html).toContain(`<img width="1" height="1" data-src="https://www.facebook.com/tr?id=1&amp;ev=PageView" data-category="marketing"`);
      expect(html).toContain(`<img src="/logo.png"><img src="https://images.example/x.png">`);
    });

    it("should hold back resource hints and stylesheets of blocked hosts only", async () => {
      const { html } = await rewrite(
        `<link rel="preconnect" href="https://static.hotjar.com"><link rel="dns-prefetch" href="//connect.facebook.net"><link rel="stylesheet" href="https://static.hotjar.com/x.css"><link rel="canonical" href="https://static.hotjar.com/">`,
      );
      expect(html).toContain(`<link rel="preconnect" data-href="https://static.hotjar.com"`);
      expect(html).toContain(`<link rel="dns-prefetch" data-href="//connect.facebook.net"`);
      expect(html).toContain(`<link rel="stylesheet" data-href="https://static.hotjar.com/x.css"`);
      expect(html).toContain(`<link rel="canonical" href="https://static.hotjar.com/">`);
    });

    it("should hold back audio and video sources", async () => {
      const { html } = await rewrite(`<video><source src="https://static.hotjar.com/v.mp4"></video><audio src="https://static.hotjar.com/a.mp3"></audio>`);
      expect(html).toContain(`<source data-src="https://static.hotjar.com/v.mp4"`);
      expect(html).toContain(`<audio data-src="https://static.hotjar.com/a.mp3"`);
    });

    it("should remove <noscript> pixels, which a visitor without JavaScript would load", async () => {
      const { html } = await rewrite(`<noscript><img height="1" src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"><p>JS off</p><img src="/ok.png"></noscript>`);
      expect(withoutGuard(html)).toBe(`<noscript><!-- consentry: meta-pixel blocked --><p>JS off</p><img src="/ok.png"></noscript>`);
    });
  });

  describe("inline snippets", () => {
    const snippet = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.src=v}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '123');fbq('track', 'PageView');`;

    it("should hold back a vendor snippet in a dormant twin, keeping its nonce", async () => {
      const { html } = await rewrite(`<head><script nonce="r4nd0m">${snippet}</script></head>`);
      expect(withoutGuard(html)).toBe(`<head><script nonce="r4nd0m"></script><script type="text/plain" data-category="marketing" data-consentry="meta-pixel" nonce="r4nd0m">${snippet}</script></head>`);
    });

    it("should recognise a snippet that arrives one byte at a time", async () => {
      const { html } = await rewrite(`<head><script>${snippet}</script><script>var ok = 1;</script></head>`, { chunk: 1 });
      expect(withoutGuard(html)).toBe(`<head><script></script><script type="text/plain" data-category="marketing" data-consentry="meta-pixel">${snippet}</script><script>var ok = 1;</script></head>`);
    });

    it("should leave the page's other inline code byte for byte", async () => {
      const page = `<script id='app' data-x=1>if (a < b && c) { document.title = "</scr" + "ipt>"; }</script>`;
      expect(withoutGuard((await rewrite(page, { chunk: 7 })).html)).toBe(page);
    });

    it("should let a consented snippet run", async () => {
      const page = `<script>${snippet}</script>`;
      expect((await rewrite(page, { policy: whereby, granted: ["advertising"] })).html).toContain(`<script>${snippet}</script>`);
    });
  });

  describe("the client guard", () => {
    it("should go first in <head>, once, with the page's CSP nonce", async () => {
      const { html } = await rewrite(`<html><head><meta charset="utf-8"><script src="/a.js"></script></head><body><iframe src="https://www.youtube.com/embed/1"></iframe><iframe src="https://www.youtube.com/embed/2"></iframe></body><body></body></html>`, {
        headers: { "content-security-policy": "default-src 'self'; script-src 'nonce-abc123' 'strict-dynamic'; style-src 'self' 'nonce-sty1e'" },
      });
      expect(html).toMatch(/^<html><head><script nonce="abc123" data-consentry-guard>\(\w+=>\{/);
      // The placeholders' style goes once, in front of the first placeholder.
      expect(html.match(/<style nonce="sty1e">\.consentry-placeholder\{[^<]*<\/style><div class="consentry-placeholder"/g)).toHaveLength(1);
      expect(html.match(/<style[^>]*>\.consentry-placeholder\{/g)).toHaveLength(1);
      expect(html.match(/data-consentry-guard/g)).toHaveLength(1);
    });

    it("should carry the blocked hosts and the cookie rules, safely escaped", async () => {
      const { html } = await rewrite(`<head></head>`);
      const config = /\((\{"b":.*?\})\);<\/script>/.exec(html)?.[1];
      const parsed = JSON.parse(config!);
      const covers = (hosts: string, host: string) => hosts.split(" ").some((h) => host === h || host.endsWith(`.${h}`));
      expect(covers(parsed.b.marketing, "connect.facebook.net")).toBe(true);
      expect(covers(parsed.b.analytics, "static.hotjar.com")).toBe(true);
      expect(covers(parsed.b.analytics, "westhub.app")).toBe(false);
      expect(parsed.c).toMatchObject({ m: "allow", n: expect.arrayContaining(["consentry", "__cf_bm"]) });
      expect(parsed.a).toEqual(["necessary", "security"]);
      expect(config).not.toContain("</");
    });

    it("should find its place on a page without <head>, and without </body>", async () => {
      expect((await rewrite(`<p>hi<script src="${META}"></script>`)).html).toMatch(/^<p>hi<script data-consentry-guard>/);
      expect((await rewrite(`plain text only`)).html).toMatch(/^plain text only<script data-consentry-guard>/);
      expect((await rewrite(`<BODY><P>no closing tags`)).html).toMatch(/^<BODY><script data-consentry-guard>/);
    });
  });

  describe("Google Consent Mode v2", () => {
    it("should keep the defaults running when the gtag snippet itself is held back", async () => {
      const { html } = await rewrite(`<head><script nonce="n">gtag('config','G-1');</script></head>`, { policy: whereby, granted: ["advertising"] });
      expect(withoutGuard(html)).toMatch(/^<head><script nonce="n">window\.dataLayer=.*"analytics_storage":"denied".*<\/script><script type="text\/plain" data-category="analysis" data-consentry="google-analytics" nonce="n">gtag\('config','G-1'\);<\/script><\/head>$/);
    });

    it("should set defaults from the decision before the first Google tag, once", async () => {
      const { html } = await rewrite(
        `<head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-1');</script></head>`,
        { policy: whereby, granted: ["analysis"] },
      );
      const defaults = html.indexOf("gtag('consent','default',");
      expect(defaults).toBeGreaterThan(0);
      expect(defaults).toBeLessThan(html.indexOf("googletagmanager.com/gtag/js"));
      expect(html.match(/'consent','default'/g)).toHaveLength(1);
      expect(html).toContain(`{"ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","analytics_storage":"granted","functionality_storage":"denied","personalization_storage":"denied","security_storage":"granted","wait_for_update":500}`);
    });

    it("should put the defaults inside the first inline gtag snippet when it comes first", async () => {
      const { html } = await rewrite(`<head><script nonce="n">gtag('config','G-1');</script></head>`, { policy: whereby, granted: ["analysis", "advertising"] });
      expect(withoutGuard(html)).toMatch(/^<head><script nonce="n">window\.dataLayer=.*gtag\('consent','default',.*\);\ngtag\('config','G-1'\);<\/script><\/head>$/);
    });
  });

  describe("transparency", () => {
    const page = `<!DOCTYPE html><HTML><head><title>t</title><script async src="${META}"></script><script>fbq('init','1')</script></head><body><iframe src="https://www.youtube.com/embed/x"></iframe><img src="https://www.facebook.com/tr?id=1"><noscript><img src="https://www.facebook.com/tr?id=2"></noscript></body></HTML>`;

    it("should return the origin's bytes when nothing is blocked, apart from Consentry's own control", async () => {
      const { html } = await rewrite(page, { policy: whereby, granted: ["analysis", "integrations", "advertising"] });
      expect(html).not.toContain("data-consentry-guard");
      expect(html).toContain(`<body><style data-consentry-ui>`);
      expect(withoutUi(html)).toBe(page);
    });

    it("should change nothing in report-only mode and log what it would have done", async () => {
      const { html, logs } = await rewrite(page, { mode: "report-only" });
      expect(html).toBe(page);
      expect(logs.map((l) => l.action)).toEqual(["neutralise-script", "neutralise-inline-script", "neutralise-frame", "neutralise-resource", "remove-noscript-tag"]);
      expect(logs[0]).toMatchObject({ consentry: "report-only", vendor: "meta-pixel", category: "marketing", reason: "forbidden" });
    });
  });

  it("should fail closed, not truncate the page, when judging an element throws", async () => {
    const broken: CompiledPolicy = Object.create(westhub, {
      vendorForHost: {
        value: () => {
          throw new Error("matcher exploded");
        },
      },
    });
    const { html, logs } = await rewrite(`<head><script src="https://x.example/a.js"></script></head><body><p>the rest</p></body>`, { policy: broken });
    expect(html).toContain(`<script data-src="https://x.example/a.js" data-category="unknown"></script>`);
    expect(html).toContain("<p>the rest</p></body>");
    expect(logs[0]).toMatchObject({ consentry: "enforcement-error", stage: "html:script" });
  });
});
