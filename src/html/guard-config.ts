/**
 * The client guard as it goes into a page: its minified code with this page's
 * configuration, and the little CSS the placeholders need.
 */
import type { Decision } from "../decision/decide.ts";
import { GUARD_JS } from "../generated/client.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { PATHS } from "../paths.ts";
import { nonceAttribute, type CspNonces } from "./csp.ts";
import { scriptJson } from "./escape.ts";
import type { PagePlan } from "./page-plan.ts";

const STYLE =
  ".consentry-placeholder{box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.5em;padding:1em;max-width:100%;background:#f2f3f5;color:#1d232b;border:1px solid #8a94a3;font:14px/1.4 system-ui,sans-serif;text-align:center}" +
  ".consentry-placeholder button{font:inherit;padding:.4em 1em;border:1px solid #1d232b;border-radius:4px;background:#fff;color:#1d232b;cursor:pointer}" +
  ".consentry-placeholder button:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}.consentry-placeholder a{color:#0b57d0}" +
  "@media (prefers-color-scheme:dark){.consentry-placeholder{background:#23272e;color:#eef0f3;border-color:#5c6675}.consentry-placeholder button{background:#111418;color:#eef0f3;border-color:#eef0f3}.consentry-placeholder a{color:#8ab4f8}}";

export function guardConfig(_policy: CompiledPolicy, decision: Decision, plan: PagePlan) {
  return {
    // Space-separated: host names never contain one, and it is ~20% smaller than a JSON array.
    b: Object.fromEntries(Object.entries(plan.blockedHosts).map(([k, v]) => [k, v.join(" ")])),
    c: plan.cookies,
    e: PATHS.consent,
    a: [...decision.allowed],
  };
}

export function guardHtml(policy: CompiledPolicy, decision: Decision, plan: PagePlan, nonces: CspNonces): string {
  const code = GUARD_JS.replace("__CONSENTRY_CONFIG__", () => scriptJson(guardConfig(policy, decision, plan)));
  return `<script${nonceAttribute(nonces.script)} data-consentry-guard>${code}</script>`;
}

/** The placeholders' CSS, written once in front of the first placeholder of a page. */
export function placeholderStyleHtml(nonces: CspNonces): string {
  return `<style${nonceAttribute(nonces.style)}>${STYLE}</style>`;
}
