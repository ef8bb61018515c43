import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { variant, westhub, westhubInput, whereby, wherebyInput } from "../support/policies.ts";
import { rewrite, withoutGuard, withoutUi } from "../support/rewrite.ts";

const META = "https://connect.facebook.net/en_US/fbevents.js";
const GA = "https://www.google-analytics.com/analytics.js";
const HOTJAR = "https://static.hotjar.com/c/hotjar-1.js?sv=6";

/** The document in the first `srcdoc` of a page, as the browser reads the attribute. */
function srcdocOf(html: string): string {
  const raw = / srcdoc="([^"]*)"/.exec(html)?.[1];
  expect(raw).toBeDefined();
  return raw!.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

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

    it("should leave consented and first-party scripts alone", async () => {
      const tags = [`<script src="${GA}"></script>`, `<script src="/app.js"></script>`, `<script src="https://westhub.app/x.js"></script>`, `<script src="https://cdn.westhub.app/x.js"></script>`];
      const { html } = await rewrite(`<head>${tags.join("")}</head>`, { granted: ["analytics"] });
      for (const tag of tags) expect(html).toContain(tag);
      expect(withoutGuard(html)).not.toContain("text/plain");
    });

    it("should refuse a third party nobody classified, and say so in the markup", async () => {
      const { html } = await rewrite(`<script src="https://cdn.unlisted.example/npm/x.js"></script>`, { granted: ["analytics"] });
      expect(withoutGuard(html)).toBe(`<script type="text/plain" data-src="https://cdn.unlisted.example/npm/x.js" data-category="unknown" data-consentry="~"></script>`);
    });

    it("should load an unclassified third party where the policy allows them under the visitor's regime", async () => {
      const open = variant(westhubInput, (p) => (p.thirdParties = { unclassified: { "opt-in": "allow" } }));
      const page = `<script src="https://cdn.unlisted.example/npm/x.js"></script>`;
      expect(withoutGuard((await rewrite(page, { policy: open })).html)).toBe(page);
    });

    it("should resolve relative, protocol-relative and <base href> URLs as the browser does", async () => {
      const { html } = await rewrite(
        `<head><base href="https://connect.facebook.net/en_US/"><base href="https://westhub.app/"><script src="fbevents.js?v=a:b"></script><script src="//static.hotjar.com/c/h.js"></script><script src="\\\\static.hotjar.com/c/2.js"></script></head>`,
      );
      expect(html).toContain(`data-src="fbevents.js?v=a:b" data-category="marketing"`);
      expect(html).toContain(`data-src="//static.hotjar.com/c/h.js" data-category="analytics"`);
      expect(html).toContain(`data-src="\\\\static.hotjar.com/c/2.js" data-category="analytics"`);
    });

    it("should take no inert <base> for the document's: not in <template>, not in SVG", async () => {
      for (const inert of [`<template><base href="https://connect.facebook.net/"></template>`, `<svg><base href="https://connect.facebook.net/"></base></svg>`]) {
        const { html } = await rewrite(`<head>${inert}<script src="app.js?v=a:b"></script></head>`);
        expect(html, inert).toContain(`<script src="app.js?v=a:b"></script>`);
      }
    });

    it("should read hosts written with character references, escapes, case and whitespace as the browser does", async () => {
      for (const src of [
        "https&colon;&sol;&sol;connect&period;facebook&period;net/x.js",
        "https://connect.facebook&#46;net/x.js",
        "https://connect.faceb&#x6F;ok.net/x.js",
        "HTTPS://CONNECT.FACEBOOK.NET/x.js",
        "https://connect.face%62ook.net/x.js",
        "https://connect.face&Tab;book.net/x.js",
        "https://connect.face&NewLine;book.net/x.js",
        " https://connect.facebook.net/x.js ",
      ]) {
        const { html } = await rewrite(`<script src="${src}"></script>`);
        expect(html, src).toContain(`data-category="marketing" data-consentry="meta-pixel"`);
      }
    });

    it("should treat every JavaScript MIME type as code, and Partytown's loader type too", async () => {
      for (const type of ["text/javascript1.0", "text/javascript1.5", "application/x-javascript", "text/jscript", "TEXT/JAVASCRIPT; charset=utf-8", "text/partytown", "module"]) {
        const { html } = await rewrite(`<script type="${type}" src="${META}"></script>`);
        expect(html, type).toContain(`<script type="text/plain" data-type="${type}" data-src="${META}"`);
      }
    });

    it("should load nothing for an HTML <script href>, and judge SVG's href and xlink:href", async () => {
      const { html } = await rewrite(`<script href="${META}">var inline = 1;</script><svg><script xlink:href="${META}"></script><script href="${HOTJAR}"></script></svg>`);
      expect(html).toContain(`<script href="${META}">var inline = 1;</script>`);
      expect(html).toContain(`<script type="text/plain" data-xlink-href="${META}" data-category="marketing"`);
      expect(html).toContain(`<script type="text/plain" data-href="${HOTJAR}" data-category="analytics"`);
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
      // Nothing runs inside <template> or as SVG script: the head script goes elsewhere.
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
    it("should keep the frame where it is, with an accessible placeholder with contextual consent as its document", async () => {
      const { html } = await rewrite(`<iframe width="560" height="315" src="https://www.youtube.com/embed/x" title="Video"></iframe>`, {
        policy: whereby,
        granted: ["analysis"],
        url: "https://whereby.com/page?a=1&b=<2>",
      });
      // The frame keeps its attributes (the site's CSS sizes it as before) and is not hidden.
      expect(html).toMatch(/<iframe width="560" height="315" title="Video" data-src="https:\/\/www\.youtube\.com\/embed\/x" data-category="advertising" data-consentry="youtube" data-consentry-placeholder="youtube" srcdoc="[^"]*"><\/iframe>/);
      expect(html).not.toMatch(/<iframe[^>]* hidden/);
      const document = srcdocOf(html);
      expect(document).toMatch(/^<!doctype html><html lang="en" class="consentry-frame"><head><meta charset="utf-8"><title>Video<\/title><style>\.consentry-placeholder\{/);
      // The form answers in the top window, on the page's own origin whatever its <base>; the frame's title names it.
      expect(document).toContain(`<form method="post" action="https://whereby.com/_consentry/consent" target="_top" class="consentry-placeholder" aria-label="Video" data-consentry-placeholder="youtube">`);
      expect(document).toContain(`<p>YouTube content is blocked: it needs Advertising cookies.`);
      // Contextual consent is for this vendor only: the categories already allowed stay, YouTube is added by name.
      expect(document).toContain(`<input type="hidden" name="category" value="analysis"><input type="hidden" name="vendor" value="youtube">`);
      expect(document).not.toContain(`value="advertising"`);
      expect(document).toContain(`<input type="hidden" name="return" value="/page?a=1&amp;b=%3C2%3E">`);
      expect(document).toContain(`<button type="submit">Allow YouTube</button>`);
    });

    it("should name an untitled frame after its vendor, and move a sandbox aside so the placeholder's form can answer", async () => {
      const { html } = await rewrite(`<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts"></iframe>`, { policy: whereby });
      expect(html).toContain(`data-sandbox="allow-scripts"`);
      expect(html).not.toMatch(/ sandbox=/);
      expect(html).toContain(`title="YouTube"`);
    });

    it("should write the placeholder document so that the browser reads it back exactly (quotes and ampersands)", async () => {
      const { html } = await rewrite(`<iframe src="https://www.youtube.com/embed/x"></iframe>`, { policy: whereby, url: `https://whereby.com/a?x="1"&y='2'` });
      const document = srcdocOf(html);
      expect(document).toContain(`<input type="hidden" name="return" value="/a?x=%221%22&amp;y=%272%27">`);
      expect(document.match(/<form /g)).toHaveLength(1);
      expect(document.endsWith("</form></body></html>")).toBe(true);
    });

    it("should offer no consent button for a forbidden category", async () => {
      const { html } = await rewrite(`<iframe src="https://www.facebook.com/plugins/page.php"></iframe>`);
      expect(srcdocOf(html)).toContain(`<div class="consentry-placeholder"`);
      expect(srcdocOf(html)).not.toContain("<button");
      expect(withoutUi(html)).not.toContain("<button");
    });

    it("should judge a frame by the document it carries: srcdoc, data: and javascript: URLs", async () => {
      for (const frame of [
        `<iframe srcdoc="<img src=&quot;https://www.facebook.com/tr?id=1&quot;>"></iframe>`,
        `<iframe src="data:text/html,%3Cscript%20src%3D%22https://connect.facebook.net/x.js%22%3E%3C/script%3E"></iframe>`,
        `<iframe src="data:text/html;base64,${btoa('<img src="https://www.facebook.com/tr">')}"></iframe>`,
        `<iframe src="javascript:'<img src=//www.facebook.com/tr>'"></iframe>`,
      ]) {
        const { html } = await rewrite(frame);
        expect(html, frame).toContain(`data-category="marketing" data-consentry="meta-pixel" title="Meta Pixel" data-consentry-placeholder="meta-pixel" srcdoc="`);
        expect(srcdocOf(html), frame).toMatch(/<div class="consentry-placeholder"/);
        expect(srcdocOf(html), frame).not.toContain("facebook.com/tr");
      }
      const own = `<iframe srcdoc="<p>Hello from <a href=&quot;https://westhub.app/&quot;>us</a></p>"></iframe>`;
      expect(withoutGuard((await rewrite(own)).html)).toBe(own);
    });

    it("should neutralise embed and object", async () => {
      const { html } = await rewrite(`<embed src="https://www.youtube.com/v/x"><object data="https://www.youtube.com/v/y"></object>`, { policy: whereby });
      expect(html).toContain(`<embed data-src="https://www.youtube.com/v/x"`);
      expect(html).toContain(`<object data-data="https://www.youtube.com/v/y"`);
    });

    it("should hide an embed or object behind a placeholder of its size in front, with the placeholders' style once", async () => {
      const { html } = await rewrite(`<embed width="400" height="300" src="https://www.youtube.com/v/x"><object data="https://www.youtube.com/v/y"></object>`, {
        policy: whereby,
        headers: { "content-security-policy": "style-src 'self' 'nonce-sty1e'" },
      });
      expect(html).toMatch(/<style nonce="sty1e">\.consentry-placeholder\{[^<]*<\/style><form method="post" action="https:\/\/whereby\.com\/_consentry\/consent" class="consentry-placeholder" aria-label="YouTube" data-consentry-placeholder="youtube" style="width:400px;min-height:300px">/);
      expect(html.match(/<style[^>]*>\.consentry-placeholder\{/g)).toHaveLength(1);
      expect(html).toContain(`<embed width="400" height="300" data-src="https://www.youtube.com/v/x" data-category="advertising" data-consentry="youtube" hidden="" data-consentry-hidden="">`);
    });
  });

  describe("pixels, links and media", () => {
    it("should hold back tracking pixels and unclassified images, and leave the site's own alone", async () => {
      const { html } = await rewrite(`<img src="https://www.facebook.com/tr?id=1&amp;ev=PageView" width="1" height="1"><img src="/logo.png"><img src="https://img.westhub.app/x.png"><img src="https://images.example/x.png">`);
      expect(html).toContain(`<img width="1" height="1" data-src="https://www.facebook.com/tr?id=1&amp;ev=PageView" data-category="marketing"`);
      expect(html).toContain(`<img src="/logo.png"><img src="https://img.westhub.app/x.png">`);
      expect(html).toContain(`<img data-src="https://images.example/x.png" data-category="unknown" data-consentry="~">`);
    });

    it("should judge every candidate of srcset and imagesrcset, and picture sources", async () => {
      const { html } = await rewrite(
        `<img src="/a.png" srcset="/a.png 1x, https://www.facebook.com/tr?a=1,2 2x"><picture><source srcset="https://static.hotjar.com/p.webp"><img src="/b.png"></picture><link rel="preload" as="image" imagesrcset="/c.png 1x, https://static.hotjar.com/c.png 2x">`,
      );
      expect(html).toContain(`<img data-src="/a.png" data-srcset="/a.png 1x, https://www.facebook.com/tr?a=1,2 2x" data-category="marketing"`);
      expect(html).toContain(`<source data-srcset="https://static.hotjar.com/p.webp" data-category="analytics"`);
      expect(html).toContain(`<link rel="preload" as="image" data-imagesrcset="/c.png 1x, https://static.hotjar.com/c.png 2x"`);
    });

    it("should hold back every other URL-bearing construct of a refused host", async () => {
      const cases: [string, string][] = [
        [`<input type="image" src="https://www.facebook.com/tr">`, `data-src="https://www.facebook.com/tr"`],
        [`<video poster="https://static.hotjar.com/p.jpg"></video>`, `data-poster="https://static.hotjar.com/p.jpg"`],
        [`<table background="https://static.hotjar.com/t.gif"></table>`, `data-background="https://static.hotjar.com/t.gif"`],
        [`<svg><image href="https://static.hotjar.com/i.png"></image></svg>`, `data-href="https://static.hotjar.com/i.png"`],
        [`<svg><image xlink:href="https://static.hotjar.com/i.png"></image></svg>`, `data-xlink-href="https://static.hotjar.com/i.png"`],
        [`<link rel="icon" href="https://static.hotjar.com/f.ico">`, `data-href="https://static.hotjar.com/f.ico"`],
        [`<link rel="manifest" href="https://static.hotjar.com/m.json">`, `data-href="https://static.hotjar.com/m.json"`],
        [`<a href="/x" ping="/p https://static.hotjar.com/ping">x</a>`, `data-ping="/p https://static.hotjar.com/ping"`],
        [`<meta http-equiv="refresh" content="0; url=https://www.facebook.com/tr">`, `data-content="0; url=https://www.facebook.com/tr"`],
        [`<meta http-equiv="Refresh" content="5;URL='//static.hotjar.com/'">`, `data-content="5;URL='//static.hotjar.com/'"`],
      ];
      for (const [markup, moved] of cases) expect((await rewrite(markup)).html, markup).toContain(moved);
      const kept = `<meta http-equiv="refresh" content="30"><meta http-equiv="refresh" content="0; url=/next"><a href="https://static.hotjar.com/">link</a>`;
      expect(withoutGuard((await rewrite(kept)).html)).toBe(kept);
    });

    it("should point CSS at refused hosts to a URL that loads nothing, in <style> and in style=", async () => {
      const { html } = await rewrite(
        `<style>body{background:url(https://static.hotjar.com/bg.png)} @import "https://fonts.googleapis.com/css"; @import 'https://static.hotjar.com/x.css'; @font-face{src:url("//static.hotjar.com/f.woff")} .a{background:url(/own.png)}</style><div style="background-image: url(&quot;https://www.facebook.com/tr&quot;)">x</div><p style="color:red">y</p>`,
      );
      expect(html).toContain(`<style>body{background:url("data:,")} @import "https://fonts.googleapis.com/css"; @import "data:,"; @font-face{src:url("data:,")} .a{background:url(/own.png)}</style>`);
      expect(html).toContain(`<div style="background-image: url(&quot;data:,&quot;)">x</div><p style="color:red">y</p>`);
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
      expect(withoutGuard(html)).toBe(`<noscript><!-- consentry: meta-pixel refused --><p>JS off</p><img src="/ok.png"></noscript>`);
    });
  });

  describe("inline scripts", () => {
    const snippet = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.src=v}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '123');fbq('track', 'PageView');`;

    it("should leave a vendor snippet in place: the allowlist and the guard refuse what it reaches for", async () => {
      const page = `<head><script nonce="r4nd0m">${snippet}</script></head>`;
      expect(withoutGuard((await rewrite(page)).html)).toBe(page);
    });

    it("should never hold back site code that shares a script with a vendor snippet", async () => {
      // Seen on real news pages: the site's own helpers and a vendor queue in one script.
      const mixed = `function _asyncScript(u){var s=document.createElement('script');s.src=u;document.head.appendChild(s)}function _asyncStyles(u){}var _gaq=_gaq||[];_gaq.push(['_setAccount','UA-1']);_asyncScript('https://ssl.google-analytics.com/ga.js');`;
      const page = `<head><script>${mixed}</script><script>_asyncStyles('/site.css')</script></head>`;
      expect(withoutGuard((await rewrite(page, { chunk: 5 })).html)).toBe(page);
    });

    it("should leave the page's other inline code byte for byte", async () => {
      const page = `<script id='app' data-x=1>if (a < b && c) { document.title = "</scr" + "ipt>"; }</script>`;
      expect(withoutGuard((await rewrite(page, { chunk: 7 })).html)).toBe(page);
    });
  });

  describe("the client guard", () => {
    it("should go first in <head>, once, with the page's CSP nonce", async () => {
      const { html } = await rewrite(`<html><head><meta charset="utf-8"><script src="/a.js"></script></head><body><iframe src="https://www.youtube.com/embed/1"></iframe><iframe src="https://www.youtube.com/embed/2"></iframe></body><body></body></html>`, {
        headers: { "content-security-policy": "default-src 'self'; script-src 'nonce-abc123' 'strict-dynamic'; style-src 'self' 'nonce-sty1e'" },
      });
      expect(html).toMatch(/^<html><head><meta charset="utf-8"><script nonce="abc123" data-consentry-guard>window\.dataLayer=/);
      // An iframe's placeholder document inherits the page's CSP: its style carries the page's style nonce.
      expect(srcdocOf(html)).toContain(`<style nonce="sty1e">.consentry-placeholder{`);
      expect(html.match(/ srcdoc="/g)).toHaveLength(2);
      expect(html.match(/data-consentry-guard/g)).toHaveLength(1);
    });

    it("should carry the visitor's allowlist and the cookie rules, safely escaped", async () => {
      const { html } = await rewrite(`<head><title>t</title></head>`);
      const config = /\((\{"h":.*?\})\);<\/script>/.exec(html)?.[1];
      const parsed = JSON.parse(config!);
      const covers = (hosts: string, host: string) => hosts.split(" ").some((h) => host === h || host.endsWith(`.${h}`));
      expect(covers(parsed.h, "fonts.googleapis.com")).toBe(true);
      expect(covers(parsed.h, "www.westhub.app")).toBe(true);
      expect(covers(parsed.h, "connect.facebook.net")).toBe(false);
      expect(covers(parsed.h, "static.hotjar.com")).toBe(false);
      expect(parsed.c).toMatchObject({ m: "allow", n: expect.arrayContaining(["__cf_bm"]) });
      // Consentry's own cookie is never script-written: a script planting one is refused too.
      expect(parsed.c.n.some((n: string) => /consentry/.test(n))).toBe(false);
      expect(parsed.a).toEqual(["necessary", "security"]);
      expect(config).not.toContain("</");
    });

    it("should go after a leading <meta charset>, so the encoding is still found in the first 1,024 bytes", async () => {
      const { html } = await rewrite(`<head><meta charset="utf-8"><title>t</title></head>`);
      expect(html).toMatch(/^<head><meta charset="utf-8"><script data-consentry-guard>/);
    });

    it("should find its place on a page without <head>, and without </body>", async () => {
      expect((await rewrite(`<p>hi<script src="${META}"></script>`)).html).toMatch(/^<p>hi<script data-consentry-guard>/);
      expect((await rewrite(`plain text only`)).html).toMatch(/^plain text only<script data-consentry-guard>/);
      expect((await rewrite(`<BODY><P>no closing tags`)).html).toMatch(/^<BODY><script data-consentry-guard>/);
    });
  });

  describe("Google Consent Mode v2", () => {
    const state = (html: string) => JSON.parse(/\('consent','default',(\{.*?\})\);/.exec(html)![1]!) as Record<string, string>;

    it("should set the defaults from the decision first in <head>, before any Google tag, once", async () => {
      const { html } = await rewrite(
        `<head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-1');</script></head>`,
        { policy: whereby, granted: ["analysis"] },
      );
      expect(html.indexOf("'consent','default',")).toBeGreaterThan(0);
      expect(html.indexOf("'consent','default',")).toBeLessThan(html.indexOf("googletagmanager.com/gtag/js"));
      expect(html.match(/'consent','default'/g)).toHaveLength(1);
      expect(state(html)).toEqual({ ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied", analytics_storage: "granted", functionality_storage: "denied", personalization_storage: "denied", security_storage: "granted", wait_for_update: 500 });
    });

    it("should write the granted state after everything was accepted, where nothing else is inserted", async () => {
      const { html } = await rewrite(`<head><script>gtag('config','G-1');</script></head>`, { policy: whereby, granted: ["analysis", "integrations", "advertising"] });
      expect(state(html)).toMatchObject({ ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted", analytics_storage: "granted" });
    });

    it("should define no global gtag of its own", async () => {
      const { html } = await rewrite(`<head><title>t</title></head>`);
      const script = /<script data-consentry-guard>(.*?)<\/script>/.exec(html)![1]!;
      expect(script.slice(0, script.indexOf(";(") + 1)).not.toMatch(/function gtag/);
    });
  });

  describe("transparency", () => {
    const page = `<!DOCTYPE html><HTML><head><title>t</title><script async src="${META}"></script><script>fbq('init','1')</script></head><body><iframe src="https://www.youtube.com/embed/x"></iframe><img src="https://www.facebook.com/tr?id=1"><noscript><img src="https://www.facebook.com/tr?id=2"></noscript></body></HTML>`;

    it("should return the origin's bytes when nothing is refused, apart from Consent Mode and Consentry's own control", async () => {
      const open = variant(wherebyInput, (p) => {
        p.thirdParties = { unclassified: { "opt-in": "allow", "opt-out": "allow", notice: "allow" } };
        p.unknownCookies = "allow";
      });
      const { html } = await rewrite(page, { policy: open, granted: ["analysis", "integrations", "advertising"] });
      const head = /<script data-consentry-guard>(.*?)<\/script>/.exec(html)![1]!;
      expect(head).toMatch(/^window\.dataLayer=window\.dataLayer\|\|\[\];\(function\(\)\{dataLayer\.push\(arguments\)\}\)\('consent','default',\{[^}]*\}\);$/);
      expect(html).toContain(`<body><style data-consentry-ui>`);
      expect(withoutGuard(html)).toBe(page);
    });

    it("should change nothing in report-only mode and log what it would have done", async () => {
      const { html, logs } = await rewrite(page, { mode: "report-only" });
      expect(html).toBe(page);
      expect(logs.map((l) => l.action)).toEqual(["neutralise-script", "neutralise-frame", "neutralise-resource", "remove-noscript-tag"]);
      expect(logs[0]).toMatchObject({ consentry: "report-only", vendor: "meta-pixel", category: "marketing", reason: "forbidden", host: "connect.facebook.net" });
    });
  });

  describe("markup the streaming parser cannot take", () => {
    it("should deliver the whole page, rewritten on both sides of <select><style>", async () => {
      const page = `<html><head><title>t</title></head><body><script src="${META}"></script><select><option>a<style>.x{}</style></select><img src="https://www.facebook.com/tr"><p>the end</p></body></html>`;
      for (const chunk of [1, 13, 100_000]) {
        const { html, logs } = await rewrite(page, { chunk });
        expect(html, `chunk ${chunk}`).toMatch(/<p>the end<\/p><\/body><\/html>$/);
        expect(html).toContain(`data-src="${META}"`);
        expect(html).toContain(`<select><option>a<style>.x{}</style></select><img data-src="https://www.facebook.com/tr"`);
        expect(html).not.toContain("data-consentry-synthetic");
        expect(logs).toContainEqual(expect.objectContaining({ consentry: "parse-ambiguity" }));
      }
    });

    it("should deliver a frameset page whole", async () => {
      const page = `<html><head><title>f</title><script src="${META}"></script></head><frameset cols="50%,50%"><frame src="/a"><frame src="https://www.youtube.com/embed/x"></frameset><noframes><body>x</body></noframes><script>var after = 1;</script></html>`;
      const { html } = await rewrite(page, { chunk: 9 });
      expect(html).toContain(`data-src="${META}"`);
      expect(html).toContain(`</frameset><noframes><body>x</body></noframes><script>var after = 1;</script></html>`);
    });

    it("should leave XHTML unrewritten, since Consentry's insertions are HTML, not XML", async () => {
      const page = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><script src="${META}"/></head><body><p>x</p></body></html>`;
      const { html, changed } = await rewrite(page, { headers: { "content-type": "application/xhtml+xml" } });
      expect(changed).toBe(false);
      expect(html).toBe(page);
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
