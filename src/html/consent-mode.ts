/**
 * Google Consent Mode v2. `gtag('consent','default',…)` must run before any
 * Google tag's `config` or `event` (Google's Consent Mode docs), so Consentry
 * writes it first in `<head>` on every page, denied or granted as the decision
 * says: a Google tag the site adds later, in markup or from a tag manager, always
 * finds an explicit state. The guard sends `update` when the visitor chooses.
 *
 * The command is pushed the way gtag() pushes it (its Arguments object) without
 * defining a global `gtag`, so a page that has none keeps none.
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
  return `window.dataLayer=window.dataLayer||[];(function(){dataLayer.push(arguments)})('consent','default',${JSON.stringify({ ...state, wait_for_update: 500 })});`;
}
