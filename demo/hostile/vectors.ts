/**
 * A hostile page set: one page per way a page can make a browser reach a third
 * party, each as a real browser meets it. Every tracker URL carries `cv=<vector
 * id>`, so a load can be traced to its vector. Served by demo/serve.ts under
 * `/hostile/<id>`; test/browser/leaks.test.ts loads each directly (each must
 * leak there: a vector that shows nothing directly is broken) and through
 * Consentry (nothing may leak there), and `npm run leaks` prints the table.
 *
 * The hosts are real trackers (Meta, Hotjar, Google) and ones no list knows; the
 * machine is offline, so the browser tests answer them with stand-ins.
 */

export type VectorGroup = "markup" | "headers" | "runtime" | "unknown";

export interface RawResponse {
  status?: number;
  /** Sent exactly as listed: repeated names stay repeated, absent ones stay absent. */
  headers: [string, string][];
  body: Uint8Array | string;
  /** A content coding to apply to the body (the header is in `headers`, spelled as the vector wants). */
  encode?: "deflate" | "zstd" | "gzip" | "gzip-twice";
}

export interface Vector {
  id: string;
  group: VectorGroup;
  what: string;
  /** Path of the page under the origin. */
  path: string;
  /** The response the origin sends. */
  respond: () => RawResponse;
}

const FB = "https://www.facebook.com/tr";
const FBJS = "https://connect.facebook.net/en_US/fbevents.js";
const HJ = "https://static.hotjar.com/c/hotjar-1.js";
const UNKNOWN = "https://collect.unlisted-tracker.example/p";

const u = (base: string, id: string) => `${base}${base.includes("?") ? "&" : "?"}cv=${id}`;

function page(id: string, body: string, head = ""): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${id}</title>${head}</head><body><h1>${id}</h1>${body}<p id="own">first party ran: <span id="mark"></span></p><script>document.getElementById("mark").textContent = "yes"; window.__firstParty = "ran";</script></body></html>`;
}

const html = (body: string): RawResponse => ({ headers: [["content-type", "text/html; charset=utf-8"]], body });

function markup(id: string, what: string, body: (id: string) => string, head: (id: string) => string = () => ""): Vector {
  return { id, group: "markup", what, path: `/hostile/${id}`, respond: () => html(page(id, body(id), head(id))) };
}

/** A first-party script that reaches out at run time. */
function runtime(id: string, what: string, code: (id: string) => string, body = ""): Vector {
  return { id, group: "runtime", what, path: `/hostile/${id}`, respond: () => html(page(id, `${body}<script>(function(){${code(id)}})();</script>`)) };
}

export const VECTORS: readonly Vector[] = [
  // Markup.
  markup("img-srcset", "img srcset only", (id) => `<img alt="" srcset="${u(FB, id)} 1x">`),
  markup("picture-source", "a <picture> source", (id) => `<picture><source srcset="${u(FB, id)}"><img alt="" src="/logo.png"></picture>`),
  markup("img-entities", "a host written with character references", (id) => `<img alt="" src="https&colon;&sol;&sol;www&period;facebook&period;com/tr?cv=${id}">`),
  markup("img-numeric", "numeric references in the host", (id) => `<img alt="" src="https://www.faceb&#111;ok&#x2E;com/tr?cv=${id}">`),
  markup("img-percent", "percent-escapes in the host", (id) => `<img alt="" src="https://www.face%62ook.com/tr?cv=${id}">`),
  markup("img-uppercase", "an upper-case URL", (id) => `<IMG alt="" SRC="HTTPS://WWW.FACEBOOK.COM/tr?cv=${id}">`),
  markup("img-newline", "a newline inside the host", (id) => `<img alt="" src="https://www.face\nbook.com/tr?cv=${id}">`),
  markup("img-tab-entity", "&Tab; and &NewLine; inside the host", (id) => `<img alt="" src="https://www.face&Tab;book.com/tr?cv=${id}"><img alt="" src="https://www.face&NewLine;book.com/tr?cv=${id}">`),
  markup("img-backslash", "backslashes for slashes", (id) => `<img alt="" src="https:\\\\www.facebook.com\\tr?cv=${id}">`),
  markup("base-relative", "a relative src under a third-party <base>", (id) => `<img alt="" src="tr?cv=${id}">`, () => `<base href="https://www.facebook.com/">`),
  markup("template-base", "an inert <template><base>, then the real third-party base", (id) => `<img alt="" src="tr?cv=${id}">`, () => `<template><base href="/"></template><base href="https://www.facebook.com/">`),
  markup("svg-base", "an inert <svg><base>, then the real third-party base", (id) => `<svg><base href="/"></base></svg><img alt="" src="tr?cv=${id}">`, () => `<base href="https://www.facebook.com/">`),
  markup("input-image", "<input type=image>", (id) => `<form><input type="image" alt="go" src="${u(FB, id)}"></form>`),
  markup("video-poster", "<video poster>", (id) => `<video poster="${u(FB, id)}"></video>`),
  markup("table-background", "<table background>", (id) => `<table background="${u(FB, id)}"><tr><td>cell</td></tr></table>`),
  markup("svg-image-href", "<svg><image href>", (id) => `<svg width="10" height="10"><image href="${u(FB, id)}" width="10" height="10"></image></svg>`),
  markup("svg-image-xlink", "<svg><image xlink:href>", (id) => `<svg width="10" height="10" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="${u(FB, id)}" width="10" height="10"></image></svg>`),
  markup("svg-script-xlink", "<svg><script xlink:href>", (id) => `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><script xlink:href="${u(FBJS, id)}"></script></svg>`),
  markup("link-icon", "<link rel=icon>", () => "", (id) => `<link rel="icon" href="${u(FB, id)}">`),
  markup("link-preload-imagesrcset", "<link rel=preload imagesrcset>", () => "", (id) => `<link rel="preload" as="image" imagesrcset="${u(FB, id)} 1x">`),
  markup("link-stylesheet", "<link rel=stylesheet>", () => "", (id) => `<link rel="stylesheet" href="${u("https://static.hotjar.com/x.css", id)}">`),
  markup("link-prefetch", "<link rel=prefetch> and modulepreload", () => "", (id) => `<link rel="prefetch" href="${u(HJ, id)}"><link rel="modulepreload" href="${u("https://static.hotjar.com/m.js", id)}">`),
  markup("iframe-srcdoc", "<iframe srcdoc> loading a tracker", (id) => `<iframe title="x" srcdoc="<img src=&quot;${u(FB, id)}&quot;>"></iframe>`),
  markup("iframe-data", "a data: iframe loading a tracker", (id) => `<iframe title="x" src="data:text/html,%3Cimg%20src%3D%22${encodeURIComponent(u(FB, id))}%22%3E"></iframe>`),
  markup("iframe-javascript", "a javascript: iframe loading a tracker", (id) => `<iframe title="x" src="javascript:'<img src=&quot;${u(FB, id)}&quot;>'"></iframe>`),
  markup("css-url", "CSS url() in <style>", (id) => `<div class="bg">x</div>`, (id) => `<style>.bg{background:url(${u(FB, id)})}</style>`),
  markup("css-import", "CSS @import in <style>", () => "", (id) => `<style>@import url("${u("https://static.hotjar.com/i.css", id)}");</style>`),
  markup("css-font-face", "CSS @font-face in <style>", () => `<p class="ff">font</p>`, (id) => `<style>@font-face{font-family:trk;src:url(${u("https://static.hotjar.com/f.woff2", id)})}.ff{font-family:trk}</style>`),
  markup("css-style-attr", "CSS url() in style=", (id) => `<div style="background-image:url('${u(FB, id)}')">x</div>`),
  markup("script-javascript15", 'type="text/javascript1.5"', (id) => `<script type="text/javascript1.5" src="${u(FBJS, id)}"></script>`),
  markup("script-module", "a module script", (id) => `<script type="module" src="${u(HJ, id)}"></script>`),
  markup("script-href-inline", "an inline snippet inside <script href>", (id) => `<script href="/nothing.js">var s=document.createElement("script");s.src="${u(FBJS, id)}";document.head.appendChild(s);</script>`),
  markup("meta-refresh", "<meta http-equiv=refresh> to a tracker", () => "", (id) => `<meta http-equiv="refresh" content="0; url=${u(FB, id)}">`),
  markup("partytown", 'Partytown-style type="text/partytown", run by a first-party loader', (id) =>
    `<script type="text/partytown" src="${u(FBJS, id)}"></script><script>document.querySelectorAll('script[type="text/partytown"]').forEach(function(s){if(s.src)fetch(s.src).catch(function(){});});</script>`),
  markup("object-embed", "<object data> and <embed src>", (id) => `<object data="${u("https://www.youtube.com/v/x", id)}" width="10" height="10"></object><embed src="${u("https://www.youtube.com/v/y", id)}" width="10" height="10">`),
  markup("media", "<audio src>, <video><source>, <track>", (id) => `<audio src="${u("https://static.hotjar.com/a.mp3", id)}" preload="auto"></audio><video preload="auto"><source src="${u("https://static.hotjar.com/v.mp4", id)}"></video>`),
  markup("noscript-pixel", "a <noscript> pixel (seen without JavaScript)", (id) => `<noscript><img alt="" src="${u(FB, id)}"></noscript><img alt="" src="${u(FB, `${id}-js`)}">`),

  // Headers and transport.
  {
    id: "link-header",
    group: "headers",
    what: "a Link: rel=preload response header",
    path: "/hostile/link-header",
    respond: () => ({ headers: [["content-type", "text/html"], ["link", `<${u("https://www.googletagmanager.com/gtm.js", "link-header")}>; rel=preload; as=script`]], body: page("link-header", "") }),
  },
  {
    id: "no-content-type",
    group: "headers",
    what: "HTML with no Content-Type",
    path: "/hostile/no-content-type",
    respond: () => ({ headers: [], body: page("no-content-type", `<img alt="" src="${u(FB, "no-content-type")}">`) }),
  },
  {
    id: "two-content-types",
    group: "headers",
    what: "two Content-Type headers",
    path: "/hostile/two-content-types",
    respond: () => ({ headers: [["content-type", "text/plain"], ["content-type", "text/html"]], body: page("two-content-types", `<img alt="" src="${u(FB, "two-content-types")}">`) }),
  },
  {
    id: "content-type-list",
    group: "headers",
    what: "Content-Type: text/html,foo",
    path: "/hostile/content-type-list",
    respond: () => ({ headers: [["content-type", "text/html,foo"]], body: page("content-type-list", `<img alt="" src="${u(FB, "content-type-list")}">`) }),
  },
  ...(["deflate", "zstd", "GZIP", "gzip, gzip"] as const).map(
    (coding): Vector => {
      const id = `encoding-${coding.replace(/[^a-z]+/gi, "-").toLowerCase()}`;
      return {
        id,
        group: "headers",
        what: `a body in Content-Encoding: ${coding}`,
        path: `/hostile/${id}`,
        respond: () => ({
          headers: [["content-type", "text/html"], ["content-encoding", coding]],
          body: page(id, `<img alt="" src="${u(FB, id)}"><script src="${u(HJ, id)}"></script>`),
          encode: coding === "deflate" ? "deflate" : coding === "zstd" ? "zstd" : coding === "GZIP" ? "gzip" : "gzip-twice",
        }),
      };
    },
  ),
  {
    id: "site-csp-allowlist",
    group: "headers",
    what: "a site CSP with an allowlist and no inline code, and a tag manager script it allows",
    path: "/hostile/site-csp-allowlist",
    respond: () => ({
      headers: [["content-type", "text/html"], ["content-security-policy", "script-src 'self' https://static.hotjar.com https://connect.facebook.net; img-src * data:"]],
      body: page("site-csp-allowlist", `<script src="/hostile/tag-manager.js?cv=site-csp-allowlist"></script>`).replace(/<script>document\.getElementById.*?<\/script>/, ""),
    }),
  },
  {
    id: "site-csp-hash",
    group: "headers",
    what: "a hash-only site CSP that would refuse an inline guard, and a tag manager script",
    path: "/hostile/site-csp-hash",
    respond: () => ({
      headers: [["content-type", "text/html"], ["content-security-policy", "script-src 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' 'self'; img-src *"]],
      body: page("site-csp-hash", `<script src="/hostile/tag-manager.js?cv=site-csp-hash"></script>`).replace(/<script>document\.getElementById.*?<\/script>/, ""),
    }),
  },

  // Run time, from a first-party script.
  runtime("rt-fetch", "fetch()", (id) => `fetch("${u(UNKNOWN, id)}").catch(function(){});`),
  runtime("rt-xhr", "XMLHttpRequest", (id) => `var x=new XMLHttpRequest();x.open("GET","${u(HJ, id)}");x.send();`),
  runtime("rt-websocket", "WebSocket", (id) => `try{new WebSocket("wss://ws.hotjar.com/?cv=${id}")}catch(e){}`),
  runtime("rt-eventsource", "EventSource", (id) => `try{new EventSource("${u(HJ, id)}")}catch(e){}`),
  runtime("rt-beacon", "navigator.sendBeacon", (id) => `navigator.sendBeacon("${u(UNKNOWN, id)}","x");`),
  runtime("rt-import", "dynamic import()", (id) => `import("${u(HJ, id)}").catch(function(){});`),
  { id: "rt-static-import", group: "runtime", what: "a static module import", path: "/hostile/rt-static-import", respond: () => html(page("rt-static-import", `<script type="module" src="/hostile/module.js?cv=rt-static-import"></script>`)) },
  runtime("rt-document-write", "document.write", (id) => `document.write('<img alt="" src="${u(FB, id)}">');`),
  runtime("rt-innerhtml", "innerHTML", (id) => `var d=document.createElement("div");d.innerHTML='<img alt="" src="${u(FB, id)}">';document.body.appendChild(d);`),
  runtime("rt-insertadjacent", "insertAdjacentHTML", (id) => `document.body.insertAdjacentHTML("beforeend",'<img alt="" src="${u(FB, id)}">');`),
  runtime("rt-fragment", "createContextualFragment", (id) => `document.body.appendChild(document.createRange().createContextualFragment('<img alt="" src="${u(FB, id)}">'));`),
  runtime("rt-setattributens", "setAttributeNS", (id) => `var i=document.createElement("img");i.setAttributeNS(null,"src","${u(FB, id)}");document.body.appendChild(i);`),
  runtime("rt-setattributenode", "setAttributeNode", (id) => `var i=document.createElement("img");var a=document.createAttribute("src");a.value="${u(FB, id)}";i.setAttributeNode(a);document.body.appendChild(i);`),
  runtime("rt-srcset", "the srcset property", (id) => `var i=document.createElement("img");i.srcset="${u(FB, id)} 1x";document.body.appendChild(i);`),
  runtime("rt-poster", "the poster property", (id) => `var v=document.createElement("video");v.poster="${u(FB, id)}";document.body.appendChild(v);`),
  runtime("rt-srcdoc", "the srcdoc property", (id) => `var f=document.createElement("iframe");f.srcdoc='<img src="${u(FB, id)}">';document.body.appendChild(f);`),
  runtime("rt-style", "the style property", (id) => `var d=document.createElement("div");d.textContent="x";d.style.backgroundImage="url(${u(FB, id)})";document.body.appendChild(d);`),
  runtime("rt-frame-fetch", "another (about:blank) frame's fetch", (id) => `var f=document.createElement("iframe");document.body.appendChild(f);f.contentWindow.fetch("${u(UNKNOWN, id)}").catch(function(){});`),
  runtime("rt-frame-element", "another frame's createElement", (id) => `var f=document.createElement("iframe");document.body.appendChild(f);var d=f.contentDocument;var i=d.createElement("img");i.src="${u(FB, id)}";d.body.appendChild(i);`),
  runtime("rt-worker", "a worker's fetch and importScripts", (id) => `new Worker("/hostile/worker.js?cv=${id}");`),
  runtime("rt-new-image", "new Image()", (id) => `new Image().src="${u(FB, id)}";`),
  runtime("rt-base-relative", "a relative URL under a third-party <base>, at run time", (id) => `var b=document.createElement("base");b.href="https://www.facebook.com/";document.head.appendChild(b);new Image().src="tr?cv=${id}";`),
  runtime("rt-tag-manager", "a first-party tag manager injecting vendors", () => ``, `<script src="/hostile/tag-manager.js?cv=rt-tag-manager"></script>`),

  // Trackers the curated catalog did not know.
  ...(
    [
      ["mixpanel", "https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js"],
      ["heap", "https://cdn.heapanalytics.com/js/heap-1.js"],
      ["adroll", "https://s.adroll.com/j/roundtrip.js"],
      ["trade-desk", "https://js.adsrvr.org/up_loader.1.1.0.js"],
      ["marketo", "https://munchkin.marketo.net/munchkin.js"],
      ["contentsquare", "https://t.contentsquare.net/uxa/x.js"],
      ["cloudflare-web-analytics", "https://static.cloudflareinsights.com/beacon.min.js"],
      ["unlisted", "https://cdn.unlisted-tracker.example/t.js"],
    ] as const
  ).map(([name, url]): Vector => ({
    id: `unknown-${name}`,
    group: "unknown",
    what: `${name} (${new URL(url).hostname})`,
    path: `/hostile/unknown-${name}`,
    respond: () => html(page(`unknown-${name}`, `<script async src="${u(url, `unknown-${name}`)}"></script><img alt="" src="${u(`https://${new URL(url).hostname}/px.gif`, `unknown-${name}`)}">`)),
  })),
];

/** First-party scripts the vectors use. */
export function hostileAsset(path: string, cv: string): RawResponse | null {
  const js = (body: string): RawResponse => ({ headers: [["content-type", "text/javascript"]], body });
  switch (path) {
    case "/hostile/module.js":
      return js(`import "${u("https://static.hotjar.com/mod.js", cv)}";`);
    case "/hostile/worker.js":
      return js(`fetch("${u(UNKNOWN, cv)}").catch(function(){});try{importScripts("${u(HJ, `${cv}-import`)}")}catch(e){}`);
    case "/hostile/tag-manager.js":
      return js(
        `(function(){var s=document.createElement("script");s.src="${u(HJ, cv)}";document.head.appendChild(s);` +
          `var i=new Image();i.src="${u(FB, cv)}";` +
          `fetch("${u(UNKNOWN, cv)}").catch(function(){});window.__tagManager="ran";})();`,
      );
    default:
      return null;
  }
}

export function vectorByPath(path: string): Vector | undefined {
  return VECTORS.find((v) => v.path === path);
}
