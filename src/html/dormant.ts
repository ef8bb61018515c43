/**
 * Turning a refused element dormant, in the markup open-source consent managers
 * share (`type="text/plain" data-category="…"`, sources moved to `data-src`), so
 * pages stay compatible with client-side tools, and visitors without JavaScript
 * get nothing from it. The guard revives dormant elements (marked `data-consentry`)
 * once the visitor allows them.
 */
import { DORMANT } from "../wire.ts";
import type { Refusal } from "./url-verdict.ts";

/**
 * Script types a browser executes (HTML §4.12.1.1: the JavaScript MIME type
 * essences, `module`, and an empty or missing type). Anything else is data.
 */
export function isExecutableScriptType(type: string | null, language?: string | null): boolean {
  if (type === null || type === "") {
    // HTML §4.12.1.1: with no type, an old `language` attribute decides: empty or "javascript…" runs.
    return language === null || language === undefined || language === "" || /^\s*(?:java|ecma)script/i.test(language) || /^\s*(?:jscript|livescript)\s*$/i.test(language);
  }
  const t = type.trim().toLowerCase();
  if (t === "" || t === "module") return true;
  const essence = t.split(";", 1)[0]!.trim();
  return /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(essence) || /^text\/javascript1\.[0-5]$/.test(essence) || essence === "text/jscript" || essence === "text/livescript";
}

/**
 * Scripts a loader runs on the page's behalf: Partytown (`text/partytown`) takes
 * them into a worker, where they still reach their vendor.
 */
export function isLoaderScriptType(type: string | null): boolean {
  return type !== null && /^\s*text\/partytown\s*$/i.test(type);
}

/** The vendor mark: its id, `~route` when the route refuses it for good, `~` when nobody knows the host. */
export function vendorMark(refusal: Refusal): string {
  return refusal.reason === "route" ? "~route" : (refusal.vendor?.id ?? "~");
}

function mark(el: Element, refusal: Refusal): void {
  el.setAttribute(DORMANT.category, refusal.category ?? "unknown");
  el.setAttribute(DORMANT.vendor, vendorMark(refusal));
}

/** Moves a URL attribute aside: `src` → `data-src` (raw value kept exactly). */
export function moveAside(el: Element, attribute: string): void {
  const value = el.getAttribute(attribute);
  if (value === null) return;
  el.setAttribute(`data-${attribute.replace(":", "-")}`, value);
  el.removeAttribute(attribute);
}

export function dormantScript(el: Element, refusal: Refusal, attribute: string): void {
  const type = el.getAttribute("type");
  if (type !== null) el.setAttribute(DORMANT.type, type);
  el.setAttribute("type", "text/plain");
  moveAside(el, attribute);
  mark(el, refusal);
}

/** Images, media sources, links: their URL attributes moved aside. */
export function dormantResource(el: Element, refusal: Refusal, attributes: readonly string[]): void {
  for (const attribute of attributes) moveAside(el, attribute);
  mark(el, refusal);
}

/**
 * An iframe: its sources moved aside, and the placeholder as its document, so it
 * keeps the size and place the site's markup and CSS give it. A `sandbox` is
 * moved aside too (the placeholder is Consentry's own markup, and its form must
 * be able to answer in the top window); the page that comes back after consent
 * is rewritten afresh, with the frame as the site wrote it.
 */
export function dormantIframe(el: Element, refusal: Refusal, name: string, document: string): void {
  for (const attribute of ["src", "srcdoc", "sandbox"]) moveAside(el, attribute);
  mark(el, refusal);
  // HTMLRewriter writes a value as given, escaping only `"` (checked in test/html/page-rewriter.test.ts): `&` is ours to escape.
  if ((el.getAttribute("title") ?? "").trim() === "") el.setAttribute("title", name.replace(/&/g, "&amp;"));
  el.setAttribute(DORMANT.placeholder, (refusal.vendor?.id ?? "~").replace(/&/g, "&amp;"));
  el.setAttribute("srcdoc", document.replace(/&/g, "&amp;"));
}

/** Frames, embeds, objects: moved aside and hidden behind a placeholder of the same size. */
export function dormantFrame(el: Element, refusal: Refusal, attributes: readonly string[], placeholder: string): void {
  for (const attribute of attributes) moveAside(el, attribute);
  mark(el, refusal);
  if (!el.hasAttribute("hidden")) {
    el.setAttribute("hidden", "");
    el.setAttribute(DORMANT.hidden, "");
  }
  el.before(placeholder, { html: true });
}
