/**
 * What one HTML page links to and loads, read from its markup without running
 * it: same-origin links to crawl, every URL a tag loads (scripts, frames, images
 * and `srcset`, media, stylesheets, icons, preloads and preconnects, objects),
 * hosts named in inline scripts and `<noscript>`, and CSS `url()`/`@import` in
 * `<style>` and `style=`. Attribute values are decoded as a browser decodes them,
 * with the same helpers the Worker's rewriter uses (src/html/).
 */
import { decodeAttribute } from "../../../src/html/decode-attribute.ts";
import { neutraliseCss } from "../../../src/html/css-urls.ts";
import { srcsetUrls } from "../../../src/html/srcset.ts";

export interface Load {
  url: URL;
  /** How the page asks for it: `script`, `iframe`, `img`, `link stylesheet`, `css`, … */
  via: string;
}

export interface PageExtract {
  /** Same-origin pages linked with `<a href>` / `<area href>` (no fragment). */
  links: URL[];
  /** URLs the page loads by itself. */
  loads: Load[];
  /** Hosts named in inline code (scripts, event handlers are not read), with where. */
  inlineHosts: { host: string; via: string }[];
  /** The text of each inline script, for snippet signatures. */
  inlineScripts: string[];
}

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const RAW_TEXT = /<(script|style|noscript)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

const LOADING: Record<string, string[]> = {
  script: ["src", "href", "xlink:href"],
  iframe: ["src"],
  frame: ["src"],
  embed: ["src"],
  object: ["data"],
  img: ["src", "srcset"],
  source: ["src", "srcset"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  input: ["src"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
  body: ["background"],
  table: ["background"],
  td: ["background"],
};
/** Inline scripts that run (JSON-LD and templates name hosts they never load). */
const RUNS = /^\s*(?:|module|text\/partytown|(?:text|application)\/(?:x-)?(?:java|ecma)script(?:1\.\d)?)\s*(?:;.*)?$/i;
const LINK_LOADS = /\b(?:stylesheet|icon|apple-touch-icon|manifest|preload|modulepreload|prefetch|preconnect|dns-prefetch)\b/i;

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!map.has(name)) map.set(name, decodeAttribute(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return map;
}

function resolve(raw: string, base: URL): URL | null {
  const value = raw.replace(/[\t\n\r]/g, "").trim();
  if (value === "" || !URL.canParse(value, base)) return null;
  const url = new URL(value, base);
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

/**
 * Hosts of absolute URLs in code: `https://host`, `"//host"`, and JSON's `https:\/\/host`.
 * A protocol-relative URL counts only inside a quote, so `a//b.c` (a comment) does not.
 */
export function hostsInCode(text: string): string[] {
  const hosts = new Set<string>();
  for (const m of text.matchAll(/(?:https?:|(?<=["'`(]))(?:\/\/|\\\/\\\/)([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*)/gi)) hosts.add(m[1]!.toLowerCase());
  return [...hosts];
}

/** CSS `url()`, `@import` and `image-set()` URLs, with the rewriter's own reader. */
export function cssUrls(css: string): string[] {
  const found: string[] = [];
  neutraliseCss(css, (url) => (found.push(url), null));
  return found;
}

export function extractPage(html: string, pageUrl: URL): PageExtract {
  const loads: Load[] = [];
  const links: URL[] = [];
  const inlineHosts: { host: string; via: string }[] = [];
  const inlineScripts: string[] = [];
  // The document's <base>, the first one outside raw text (HTML §4.2.3).
  const stripped = html.replace(RAW_TEXT, (all, tag: string, attrs: string) => (tag.toLowerCase() === "noscript" ? all : `<${tag}${attrs}>`));
  let base = pageUrl;
  const baseTag = /<base\s[^>]*href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(stripped);
  if (baseTag !== null) base = resolve(decodeAttribute(baseTag[1] ?? baseTag[2] ?? baseTag[3] ?? ""), pageUrl) ?? pageUrl;
  const add = (raw: string | undefined, via: string) => {
    if (raw === undefined) return;
    const url = resolve(raw, base);
    if (url !== null) loads.push({ url, via });
  };

  for (const m of stripped.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const attrs = attributes(m[2] ?? "");
    if ((tag === "a" || tag === "area") && attrs.has("href")) {
      const url = resolve(attrs.get("href")!, base);
      if (url !== null && url.origin === pageUrl.origin) {
        url.hash = "";
        links.push(url);
      }
      if (attrs.has("ping")) for (const ping of attrs.get("ping")!.split(/\s+/)) add(ping, `${tag} ping`);
      continue;
    }
    if (tag === "link") {
      const rel = attrs.get("rel") ?? "";
      if (LINK_LOADS.test(rel)) {
        add(attrs.get("href"), `link ${rel.trim().toLowerCase()}`);
        if (attrs.has("imagesrcset")) for (const u of srcsetUrls(attrs.get("imagesrcset")!)) add(u, "link imagesrcset");
      }
    } else if (tag === "meta" && (attrs.get("http-equiv") ?? "").toLowerCase() === "refresh") {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.get("content") ?? "");
      if (target !== null) add(target[1], "meta refresh");
    } else {
      for (const name of LOADING[tag] ?? []) {
        const value = attrs.get(name);
        if (value === undefined) continue;
        if (name === "srcset") for (const u of srcsetUrls(value)) add(u, `${tag} srcset`);
        else add(value, tag);
      }
    }
    const style = attrs.get("style");
    if (style !== undefined) for (const u of cssUrls(style)) add(u, "style attribute");
  }

  for (const m of html.matchAll(RAW_TEXT)) {
    const tag = m[1]!.toLowerCase();
    const body = m[3] ?? "";
    if (tag === "style") for (const u of cssUrls(body)) add(u, "style");
    else if (tag === "script") {
      const attrs = attributes(m[2] ?? "");
      if (attrs.has("src") || body.trim() === "" || !RUNS.test(attrs.get("type") ?? "")) continue;
      inlineScripts.push(body);
      for (const host of hostsInCode(body)) inlineHosts.push({ host, via: "inline script" });
    }
  }
  return { links, loads, inlineHosts, inlineScripts };
}
