/**
 * fast-check generators for the property tests: cookie names and values,
 * Set-Cookie lines, Cookie headers (several header lines joined as Fetch joins
 * them), visitors (jurisdiction, GPC, DNT, a signed choice or junk), HTML
 * documents built from the constructs real pages contain, and the chunk
 * boundaries a network would cut them at.
 */
import fc from "fast-check";
import type { CompiledPolicy } from "../../src/policy/compile.ts";

/** RFC 9110 token characters, the alphabet of cookie names. */
const TOKEN = [..."!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
/** What cookie values are made of in practice, including `=` and `,` but never `;` (the separator). */
const VALUE = [..."abcXYZ0189-._~%=:/+,"];

/** Names the seed policies and the catalog know (of every category, and Consentry's own), and names nobody knows. */
export function cookieName(policy: CompiledPolicy): fc.Arbitrary<string> {
  const known = [
    ...new Set([
      ...policy.cookieRules.flatMap((r) => (r.name === undefined ? [] : [r.name])),
      "session", "__Host-session", "csrftoken", "theme", "wh_aid", "_ga", "_ga_ABC123", "_gid", "_fbp", "_hjSessionUser_42",
      "AMCV_x", "__stripe_mid", "consentry", "__Host-consentry", "__host-consentry", "__Secure-x", "mystery",
    ]),
  ];
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TOKEN), minLength: 1, maxLength: 12 }) });
}

export const cookieValue = fc.string({ unit: fc.constantFrom(...VALUE), maxLength: 16 });

/** A Set-Cookie line: a name, a value and any attributes (Expires has its comma), or anything at all. */
export function setCookieLine(policy: CompiledPolicy): fc.Arbitrary<string> {
  const attribute = fc.constantFrom(
    "Path=/", "Path=/billing", "Domain=westhub.app", "Domain=.westhub.app", "Max-Age=3600", "Expires=Wed, 21 Oct 2037 07:28:00 GMT",
    "HttpOnly", "Secure", "SameSite=Lax", "SameSite=None", "Partitioned", "Max-Age=0",
  );
  const wellFormed = fc.tuple(cookieName(policy), cookieValue, fc.array(attribute, { maxLength: 4 })).map(([n, v, attrs]) => [`${n}=${v}`, ...attrs].join("; "));
  // Anything a header can carry: every control character but HTAB is impossible in a field value (RFC 9110 §5.5).
  const junk = fc.string({ unit: "binary-ascii", maxLength: 40 }).map((s) => s.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, " ").trim()).filter((s) => s !== "");
  return fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: junk });
}

/** A Cookie header: pairs joined by `; ` (sometimes `;`), in one or more header lines joined by `, `. */
export function cookieHeader(policy: CompiledPolicy, extra: fc.Arbitrary<string> = fc.constant("")): fc.Arbitrary<string> {
  const pair = fc.tuple(cookieName(policy), cookieValue).map(([n, v]) => `${n}=${v}`);
  const line = fc.tuple(fc.array(pair, { minLength: 1, maxLength: 5 }), fc.constantFrom("; ", ";")).map(([pairs, sep]) => pairs.join(sep));
  return fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), extra).map(([lines, more]) => [...lines, ...(more === "" ? [] : [more])].join(", "));
}

export interface Visitor {
  cf: Record<string, unknown>;
  gpc: boolean;
  dnt: boolean;
  /** Categories granted by a signed choice; null: no choice (or junk in its place). */
  granted: string[] | null;
  /** Junk where the consent cookie's value goes, when there is no choice. */
  junk: string | null;
}

const CF = [
  { country: "DE", isEUCountry: "1", continent: "EU" },
  { country: "US", regionCode: "CA", continent: "NA" },
  { country: "US", regionCode: "TX", continent: "NA" },
  { country: "GB", continent: "EU" },
  { country: "T1" },
  {},
];

export function visitor(policy: CompiledPolicy): fc.Arbitrary<Visitor> {
  const choice = fc.option(fc.subarray([...policy.optionalCategories]), { nil: null });
  const junk = fc.option(fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: fc.constantFrom(..."1.~-_abcdefAZ09g"), maxLength: 90 })), { nil: null });
  return fc.record({ cf: fc.constantFrom(...CF), gpc: fc.boolean(), dnt: fc.boolean(), granted: choice, junk });
}

/** Where to cut a body of `length` bytes: sorted, distinct offsets (a slow network, one byte at a time at worst). */
export function cuts(length: number): fc.Arbitrary<number[]> {
  if (length < 2) return fc.constant([]);
  return fc.uniqueArray(fc.integer({ min: 1, max: length - 1 }), { maxLength: Math.min(40, length - 1) }).map((a) => a.sort((x, y) => x - y));
}

/** A body in the given pieces, as a stream. */
export function chunked(bytes: Uint8Array, at: readonly number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...at, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i + 1 < edges.length; i++) controller.enqueue(bytes.slice(edges[i], edges[i + 1]));
      controller.close();
    },
  });
}

export interface Document {
  html: string;
  /** Text markers, in document order: each must come out, in that order. */
  markers: string[];
}

export interface DocumentOptions {
  /** URLs the page's third-party elements point at. */
  urls: readonly string[];
  /** Include inline snippets that match vendor signatures (gtag, fbq). */
  snippets: boolean;
  /** Include the constructs issue 9 items 5 and 6 are about (`<select><style>`, `<frameset>`). */
  knownIssues: boolean;
}

/** An HTML document made of the constructs real pages have, well or badly formed, with text markers throughout. */
export function htmlDocument(options: DocumentOptions): fc.Arbitrary<Document> {
  const url = fc.constantFrom(...options.urls).map((u) => u.replace(/&/g, "&amp;"));
  const text = fc.string({ unit: fc.constantFrom(..."ab yz&;<>é€😀\n\t'\""), maxLength: 12 }).map((t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  const js = fc.string({ unit: fc.constantFrom(..."var x=1;()[]{}'\" \n/*"), maxLength: 20 }).map((t) => t.replace(/<\//g, "< /"));
  const snippet = options.snippets ? fc.constantFrom("gtag('config','G-1');", "fbq('init','1');fbq('track','PageView');", "window.dataLayer=window.dataLayer||[];") : js;
  // Each fragment takes a marker slot (`@`), filled in order afterwards.
  const fragment: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(url, fc.constantFrom("", " async", " defer", ' type="module"', ' type="text/javascript"', ' type="application/ld+json"')).map(([u, a]) => `<script src="${u}"${a}></script>`),
    fc.oneof(js, snippet).map((code) => `<script>${code}</script>`),
    fc.tuple(url, fc.constantFrom("", ' width="560" height="315"', ' title="t"')).map(([u, a]) => `<iframe src="${u}"${a}></iframe>`),
    url.map((u) => `<img src="${u}" alt="">`),
    fc.tuple(fc.constantFrom("preconnect", "dns-prefetch", "preload", "stylesheet", "icon"), url).map(([rel, u]) => `<link rel="${rel}" href="${u}">`),
    url.map((u) => `<noscript><img src="${u}"></noscript>`),
    url.map((u) => `<template><script src="${u}"></script></template>`),
    url.map((u) => `<svg><script href="${u}"></script></svg>`),
    fc.tuple(url, fc.constantFrom("video", "audio")).map(([u, t]) => `<${t}><source src="${u}"></${t}>`),
    text.map((t) => `<p>${t}@</p>`),
    text.map((t) => `<div class="x" data-a='b"c'>${t}@<span>${t}</span></div>`),
    text.map((t) => `<!-- ${t.replace(/-/g, "")} -->`),
    text.map((t) => `<P CLASS=up>${t}@`),
    text.map((t) => `<table><tr><td>${t}@</td></tr></table>`),
    text.map((t) => `<textarea>${t}</textarea>`),
    text.map((t) => `<style>p{content:"${t.replace(/[<"\\]/g, "")}"}</style>`),
    fc.constant(`<p>&amp; &lt; &#x1F600; &nbsp;@</p>`),
    fc.constant(`<br><hr><input value="x"><img alt="no src">`),
    ...(options.knownIssues ? [fc.constant(`<select><style>x{}</style></select>`), fc.constant(`<frameset><frame src="/f"></frameset>`)] : []),
  );
  const head = fc.array(fragment, { maxLength: 4 });
  const body = fc.array(fragment, { maxLength: 10 });
  return fc
    .record({
      doctype: fc.boolean(),
      html: fc.boolean(),
      head: fc.option(head, { nil: null }),
      bodyTag: fc.constantFrom("<body>", '<body class="page">', "<BODY>", null),
      bodyClose: fc.boolean(),
      body,
    })
    .map((d) => {
      let html = `${d.doctype ? "<!DOCTYPE html>" : ""}${d.html ? "<html lang=en>" : ""}`;
      if (d.head !== null) html += `<head><meta charset="utf-8"><title>t</title>${d.head.join("")}</head>`;
      html += `${d.bodyTag ?? ""}${d.body.join("")}<p id="end">@</p>${d.bodyTag !== null && d.bodyClose ? "</body>" : ""}${d.html && d.bodyClose ? "</html>" : ""}`;
      const markers: string[] = [];
      html = html.replace(/@/g, () => {
        const marker = `MARK${String(markers.length).padStart(4, "0")}`;
        markers.push(marker);
        return marker;
      });
      return { html, markers };
    });
}

/** Whether `markers` all appear in `text`, in order. */
export function inOrder(text: string, markers: readonly string[]): boolean {
  let at = 0;
  for (const marker of markers) {
    const found = text.indexOf(marker, at);
    if (found < 0) return false;
    at = found + marker.length;
  }
  return true;
}

/** One edit to a policy file: plausible changes a site owner makes, typos, and outright junk. */
type PolicyEdit = (p: Record<string, any>) => void;

/**
 * Policy files derived from the seed policies by random edits. Many stay valid
 * (new categories, jurisdictions, cookie rules, vendors, routes, consent
 * settings); others break the schema or a reference, as hand-written files do.
 */
export function policyInput(seeds: readonly Record<string, unknown>[], catalogIds: readonly string[]): fc.Arbitrary<Record<string, any>> {
  const categoryId = fc.oneof(fc.constantFrom("necessary", "security", "functional", "analytics", "marketing", "analysis", "advertising", "integrations", "extra"), fc.constantFrom("Bad Id", "", "x".repeat(40)));
  const region = fc.constantFrom("DE", "FR", "US", "US-CA", "US-TX", "GB", "CH", "EEA", "EU", "EEA_UK_CH", "XX", "eu", "D");
  const regime = fc.constantFrom("opt-in", "opt-out", "notice", "maybe");
  const pattern = fc.constantFrom("^_ga(?:_.+)?$", "^x-[a-z]+$", "^(", "unanchored", "^a$");
  const domain = fc.constantFrom(".westhub.app", "westhub.app", "example.com", ".a.b.c", "bad domain", "/x");
  const path = fc.constantFrom("/", "/billing", "/a;b", "nope", "/x y");
  const edits: fc.Arbitrary<PolicyEdit>[] = [
    fc.tuple(fc.nat(9), fc.boolean(), fc.boolean(), fc.boolean()).map(([i, required, forbidden, alwaysOptIn]) => (p) => {
      const c = Array.isArray(p.categories) ? p.categories[i % Math.max(1, p.categories.length)] : undefined;
      if (c !== undefined) Object.assign(c, { required, forbidden, alwaysOptIn });
    }),
    fc.tuple(categoryId, fc.boolean()).map(([id, required]) => (p) => void (Array.isArray(p.categories) && p.categories.push({ id, label: "L", description: "D", required }))),
    fc.nat(9).map((i) => (p) => void (Array.isArray(p.categories) && p.categories.splice(i % Math.max(1, p.categories.length), 1))),
    fc.array(fc.record({ regions: fc.array(region, { minLength: 1, maxLength: 3 }), regime }), { maxLength: 4 }).map((rules) => (p) => void ((p.jurisdictions ??= {}).rules = rules)),
    regime.map((r) => (p) => void ((p.jurisdictions ??= {}).default = r)),
    fc.tuple(fc.oneof(fc.record({ name: fc.constantFrom("x_tracker", "theme", "_ga") }), fc.record({ pattern })), categoryId, fc.array(domain, { maxLength: 2 }), fc.array(path, { maxLength: 2 })).map(
      ([match, category, domains, paths]) => (p) => void (p.cookies ??= []).push({ ...match, category, domains, paths }),
    ),
    fc.tuple(fc.constantFrom(...catalogIds, "own-vendor", "Not Kebab"), fc.option(categoryId, { nil: undefined }), fc.constantFrom("everywhere", "routes")).map(
      ([id, category, scope]) => (p) => void (p.vendors ??= []).push({ id, ...(category === undefined ? {} : { category }), scope, ...(id === "own-vendor" ? { name: "Own", hosts: ["own.example"] } : {}) }),
    ),
    fc.tuple(fc.constantFrom("/x{/*}?", "/beta{/*}?", "(", "https://*.example.com/*", "/"), fc.constantFrom("enforce", "report-only", "off", "loud"), fc.boolean()).map(
      ([patternText, mode, banner]) => (p) => void (p.routes ??= []).unshift({ pattern: patternText, mode, banner }),
    ),
    fc.array(categoryId, { maxLength: 3 }).map((optOut) => (p) => void (p.gpc = { ...p.gpc, optOut })),
    fc.array(categoryId, { maxLength: 2 }).map((optOut) => (p) => void (p.dnt = { optOut })),
    fc.tuple(fc.constantFrom("consentry", "cc", "bad name!", "__Host-x"), fc.integer({ min: -1, max: 500 }), fc.option(domain, { nil: undefined })).map(
      ([cookieName, lifetimeDays, d]) => (p) => void (p.consent = { cookieName, lifetimeDays, ...(d === undefined ? {} : { domain: d }) }),
    ),
    fc.constantFrom("allow", "block", "maybe").map((u) => (p) => void (p.unknownCookies = u)),
    fc.constantFrom<PolicyEdit>(
      (p) => void (p.revision = "1"),
      (p) => void (p.name = 42),
      (p) => void (p.categories = {}),
      (p) => void (p.catagories = []),
      (p) => void (p.links = { cookiePolicy: "not a url" }),
      (p) => void delete p.jurisdictions,
      (p) => void (p.banner = { settingsButton: "top" }),
    ),
  ];
  return fc.tuple(fc.constantFrom(...seeds), fc.array(fc.oneof(...edits), { maxLength: 6 })).map(([seed, changes]) => {
    const policy = structuredClone(seed) as Record<string, any>;
    for (const change of changes) change(policy);
    return policy;
  });
}
