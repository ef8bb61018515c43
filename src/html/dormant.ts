/**
 * Turning a third-party element dormant, in the markup open-source consent
 * managers share (`type="text/plain" data-category="…"`, sources moved to
 * `data-src`), so pages stay compatible with client-side tools. The client guard
 * revives elements marked `data-consentry` in document order.
 */
import type { BlockedVerdict } from "./page-plan.ts";

/** Script types a browser executes (HTML §4.12.1.1); anything else is data and left alone. */
export function isExecutableScriptType(type: string | null): boolean {
  if (type === null) return true;
  const t = type.trim().toLowerCase();
  return t === "" || t === "module" || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(t) || t === "text/jscript" || t === "text/livescript";
}

function mark(el: Element, verdict: BlockedVerdict): void {
  el.setAttribute("data-category", verdict.category ?? "unknown");
  el.setAttribute("data-consentry", verdict.reason === "route" ? "~route" : verdict.vendor.id);
}

/** Moves a URL attribute aside: `src` → `data-src` (raw value kept exactly). */
function moveAside(el: Element, attribute: string): void {
  const value = el.getAttribute(attribute);
  if (value === null) return;
  el.setAttribute(`data-${attribute}`, value);
  el.removeAttribute(attribute);
}

export function dormantScript(el: Element, verdict: BlockedVerdict, attribute: "src" | "href"): void {
  const type = el.getAttribute("type");
  if (type !== null) el.setAttribute("data-type", type);
  el.setAttribute("type", "text/plain");
  moveAside(el, attribute);
  mark(el, verdict);
}

/** Images, media sources, links: their URL attributes moved aside. */
export function dormantResource(el: Element, verdict: BlockedVerdict, attributes: readonly string[]): void {
  for (const attribute of attributes) moveAside(el, attribute);
  mark(el, verdict);
}

/** Iframes, embeds, objects: moved aside and hidden behind a placeholder of the same size. */
export function dormantFrame(el: Element, verdict: BlockedVerdict, attribute: string, placeholder: string): void {
  moveAside(el, attribute);
  mark(el, verdict);
  if (!el.hasAttribute("hidden")) {
    el.setAttribute("hidden", "");
    el.setAttribute("data-consentry-hidden", "");
  }
  el.before(placeholder, { html: true });
}
