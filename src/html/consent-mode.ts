/**
 * Google Consent Mode v2. `gtag('consent','default',…)` must run before any
 * Google tag's `config` or `event` (Google's Consent Mode docs), so Consentry
 * writes it in front of the first Google tag of the page; the client guard sends
 * `update` when the visitor chooses.
 */
import type { Decision } from "../decision/decide.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { ConsentModeSignal } from "../policy/schema.ts";

export type ConsentModeState = Record<ConsentModeSignal, "granted" | "denied">;

export function consentModeState(policy: CompiledPolicy, decision: Decision): ConsentModeState {
  const state = {} as ConsentModeState;
  for (const [signal, categories] of Object.entries(policy.consentMode) as [ConsentModeSignal, readonly string[]][]) {
    state[signal] = categories.every((c) => decision.allowed.has(c)) ? "granted" : "denied";
  }
  return state;
}

/** The script body that sets the defaults; `wait_for_update` gives the banner's update time to arrive. */
export function consentDefaultScript(state: ConsentModeState): string {
  return `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('consent','default',${JSON.stringify({ ...state, wait_for_update: 500 })});`;
}

/** Vendors whose tags are Google tags (gtag.js, GTM, Google Ads, Floodlight). */
export const GOOGLE_TAG_VENDORS: ReadonlySet<string> = new Set(["google-analytics", "google-tag-manager", "google-ads", "doubleclick", "floodlight"]);
