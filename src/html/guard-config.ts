/**
 * What Consentry writes first in a page's `<head>`: one `<script>` holding the
 * Consent Mode defaults and, where something may be refused, the client guard
 * with this page's configuration; and the little CSS the placeholders need.
 */
import { nonceAttribute, type CspNonces } from "./csp.ts";
import type { PagePlan } from "./page-plan.ts";

/** Marks Consentry's head script, so tests and tools can tell it from the site's. */
export const HEAD_SCRIPT_ATTRIBUTE = "data-consentry-guard";

export const PLACEHOLDER_STYLE =
  ".consentry-placeholder{box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.5em;padding:1em;max-width:100%;background:#f2f3f5;color:#1d232b;border:1px solid #8a94a3;font:14px/1.4 system-ui,sans-serif;text-align:center}" +
  ".consentry-placeholder button{font:inherit;padding:.4em 1em;border:1px solid #1d232b;border-radius:4px;background:#fff;color:#1d232b;cursor:pointer}" +
  ".consentry-placeholder button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}.consentry-placeholder a{color:#0b57d0}" +
  // An iframe's placeholder document (src/html/placeholder.ts) fills the frame, whatever its size.
  ".consentry-frame,.consentry-frame body{margin:0;height:100%;overflow:hidden}.consentry-frame .consentry-placeholder{width:100%;height:100%}" +
  "@media (prefers-color-scheme:dark){.consentry-placeholder{background:#23272e;color:#eef0f3;border-color:#5c6675}.consentry-placeholder button{background:#111418;color:#eef0f3;border-color:#eef0f3}.consentry-placeholder a{color:#8ab4f8}}";

/** The head script: Consent Mode defaults first (they must precede any Google tag), then the guard. */
export function headScriptHtml(plan: PagePlan, nonces: CspNonces): string {
  return `<script${nonceAttribute(nonces.script)} ${HEAD_SCRIPT_ATTRIBUTE}>${plan.headScript}</script>`;
}

/** The placeholders' CSS, written once in front of the first placeholder of a page. */
export function placeholderStyleHtml(nonces: CspNonces): string {
  return `<style${nonceAttribute(nonces.style)}>${PLACEHOLDER_STYLE}</style>`;
}
