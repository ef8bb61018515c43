/**
 * The consent decision: a pure function from (policy, route, stored choice, GPC,
 * DNT, jurisdiction) to the allowed categories, each with its reason. Everything
 * that enforces (Set-Cookie, request cookies, HTML, report-only logs) reads this.
 */
import type { ConsentState } from "../consent/consent-cookie.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import type { Mode, Regime } from "../policy/schema.ts";
import { jurisdictionLabel, regimeFor, type Jurisdiction } from "./jurisdiction.ts";

export type Reason =
  /** Required by the policy: the site does not work without it. */
  | "required"
  /** The policy never allows it ("we use no marketing cookies"). */
  | "forbidden"
  /** The visitor said yes. */
  | "granted"
  /** The visitor said no (now, or in an earlier revision: a "no" outlives a policy change). */
  | "refused"
  /** Opt-in regime and no valid choice: silence is refusal (CNIL; EDPB 05/2020 §86). */
  | "no-choice"
  /** Global Privacy Control opts out of this category (GPC spec §3; 11 CCR §7025). */
  | "gpc"
  /** Do Not Track opts out of this category, as the policy says. */
  | "dnt"
  /** Opt-out regime, the visitor has not opted out. */
  | "opt-out-default"
  /** Notice-only regime. */
  | "notice";

export interface CategoryDecision {
  allowed: boolean;
  reason: Reason;
}

export interface DecisionInput {
  policy: CompiledPolicy;
  route: CompiledRoute;
  consent: ConsentState;
  /** `Sec-GPC: 1` was sent. */
  gpc: boolean;
  /** `DNT: 1` was sent. */
  dnt: boolean;
  jurisdiction: Jurisdiction;
}

export interface Decision {
  policyId: string;
  revision: number;
  mode: Mode;
  jurisdiction: string;
  regime: Regime;
  gpc: boolean;
  /** The visitor's choice is valid for the current revision. */
  hasChoice: boolean;
  categories: Readonly<Record<string, CategoryDecision>>;
  allowed: ReadonlySet<string>;
  /** Vendors the visitor allowed one by one (a placeholder's "Allow YouTube"), whatever their category's answer. */
  vendorGrants: ReadonlySet<string>;
  /** Ask the visitor: no valid choice yet, and the route shows a banner. */
  showBanner: boolean;
}

export function decide(input: DecisionInput): Decision {
  const { policy, route, consent, gpc, dnt } = input;
  const regime = regimeFor(policy, input.jurisdiction);
  const valid = consent.status === "valid" ? consent.choice : null;
  const stale = consent.status === "stale" ? consent.choice : null;

  const categories: Record<string, CategoryDecision> = {};
  const allowed = new Set<string>();
  for (const category of policy.categories) {
    const id = category.id;
    let decision: CategoryDecision;
    if (category.forbidden) decision = { allowed: false, reason: "forbidden" };
    else if (category.required) decision = { allowed: true, reason: "required" };
    // GPC wins over a stored yes, unless that yes was given while GPC was on,
    // after the banner said the signal was honoured (11 CCR §7025(c)(3)).
    else if (gpc && policy.gpcOptOut.has(id) && !(valid?.gpc === true && valid.granted.includes(id))) {
      decision = { allowed: false, reason: "gpc" };
    } else if (valid !== null) {
      decision = valid.granted.includes(id) ? { allowed: true, reason: "granted" } : { allowed: false, reason: "refused" };
    } else if (stale?.refused.includes(id) === true) decision = { allowed: false, reason: "refused" };
    else if (dnt && policy.dntOptOut.has(id)) decision = { allowed: false, reason: "dnt" };
    else {
      const effective = category.alwaysOptIn ? "opt-in" : regime;
      decision =
        effective === "opt-in"
          ? { allowed: false, reason: "no-choice" }
          : { allowed: true, reason: effective === "opt-out" ? "opt-out-default" : "notice" };
    }
    categories[id] = decision;
    if (decision.allowed) allowed.add(id);
  }

  return {
    policyId: policy.id,
    revision: policy.revision,
    mode: route.mode,
    jurisdiction: jurisdictionLabel(input.jurisdiction),
    regime,
    gpc,
    hasChoice: valid !== null,
    categories,
    allowed,
    // A vendor allowed by name never gets round GPC, a standing opt-out (11 CCR §7025(c)), nor a forbidden category.
    vendorGrants: new Set(
      (valid?.vendors ?? []).filter((id) => {
        const reason = categories[policy.vendorById(id)?.category ?? ""]?.reason;
        return reason !== "gpc" && reason !== "forbidden";
      }),
    ),
    showBanner: route.banner && route.mode !== "off" && valid === null && policy.optionalCategories.length > 0,
  };
}

/** What an exception falls back to: required categories only, as if nobody had chosen under opt-in. */
export function requiredOnly(policy: CompiledPolicy, route: CompiledRoute): Decision {
  const categories: Record<string, CategoryDecision> = {};
  const allowed = new Set<string>();
  for (const category of policy.categories) {
    categories[category.id] = category.required ? { allowed: true, reason: "required" } : { allowed: false, reason: category.forbidden ? "forbidden" : "no-choice" };
    if (category.required) allowed.add(category.id);
  }
  return {
    policyId: policy.id,
    revision: policy.revision,
    mode: route.mode === "off" ? "off" : "enforce",
    jurisdiction: "unknown",
    regime: "opt-in",
    gpc: false,
    hasChoice: false,
    categories,
    allowed,
    vendorGrants: new Set(),
    showBanner: false,
  };
}
