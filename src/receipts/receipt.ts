/**
 * A proof-of-consent record: when, under which policy revision, what was chosen
 * for each category, how (the button, or the GPC signal), under which regime and
 * from which country. Nothing that identifies the visitor (no IP, no user agent);
 * the id is the random receipt id in the visitor's own consent cookie, so only
 * that browser can find its record again.
 */
import type { ChoiceMethod } from "../consent/choice.ts";
import type { ConsentChoice } from "../consent/consent-cookie.ts";
import type { Decision } from "../decision/decide.ts";
import type { CompiledPolicy } from "../policy/compile.ts";

/**
 * `gpc`: the browser sent Global Privacy Control and the choice kept every category
 * the signal opts out of switched off: the signal decided it. Otherwise the button.
 */
export type ReceiptMethod = ChoiceMethod | "gpc";

export interface Receipt {
  id: string;
  /** Unix seconds. */
  time: number;
  policy: string;
  revision: number;
  /** Every category of the policy: true when allowed by this choice. */
  choice: Record<string, boolean>;
  /** Vendors allowed one by one (a placeholder's "Allow YouTube"). Absent in receipts queued before per-vendor consent. */
  vendors?: string[];
  method: ReceiptMethod;
  gpc: boolean;
  regime: string;
  /** The jurisdiction: a country (`DE`), a subdivision (`US-CA`) or `unknown`. */
  country: string;
}

export function buildReceipt(policy: CompiledPolicy, choice: ConsentChoice, action: ChoiceMethod, decision: Decision): Receipt {
  const choiceMap: Record<string, boolean> = {};
  for (const category of policy.categories) {
    choiceMap[category.id] = category.forbidden ? false : category.required ? true : choice.granted.includes(category.id);
  }
  // "Accept all" under GPC stays "accept-all" (with `gpc: true`): the visitor clicked it, and it granted the rest.
  const signalDecided = action !== "accept-all" && choice.gpc && policy.gpcOptOut.size > 0 && ![...policy.gpcOptOut].some((c) => choice.granted.includes(c));
  return {
    id: choice.id,
    time: choice.time,
    policy: policy.id,
    revision: choice.revision,
    choice: choiceMap,
    vendors: [...choice.vendors],
    method: signalDecided ? "gpc" : action,
    gpc: choice.gpc,
    regime: decision.regime,
    country: decision.jurisdiction,
  };
}
