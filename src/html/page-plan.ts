/**
 * What the HTML rewriter needs for one decision that does not depend on the page
 * itself: the allowlist, the guard's code with its configuration inlined, the
 * Consent Mode state. Worked out once per allowlist and remembered per isolate
 * (the same few combinations recur on every request), so a response only pays
 * for what its own markup asks.
 */
import { allowlistFor, type Allowlist } from "../allowlist/allowlist.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { judgeVendor } from "../enforce/judge-vendor.ts";
import { GUARD_JS } from "../generated/client.ts";
import { PATHS } from "../paths.ts";
import type { GuardConfig } from "../wire.ts";
import { consentDefaultScript, consentModeState, type ConsentModeState } from "./consent-mode.ts";
import { scriptJson } from "./escape.ts";
import { guardCookieRules } from "./guard-rules.ts";

export interface PagePlan {
  allowlist: Allowlist;
  /** Something may be refused on this page: a category, a vendor or an unclassified host. The guard is needed. */
  refuses: boolean;
  /** The guard's code with this plan's configuration, ready to go inside a `<script>`. */
  guardCode: string;
  /** The head script's exact text: Consent Mode defaults, then the guard where needed (its CSP hash is taken over this). */
  headScript: string;
  consentMode: ConsentModeState;
  /** `gtag('consent','default',…)` for this decision, as a script body. */
  consentDefault: string;
}

const cache = new Map<string, PagePlan>();
const CACHE_LIMIT = 256;

export function pagePlan(context: JudgeContext): PagePlan {
  const allowlist = allowlistFor(context);
  let plan = cache.get(allowlist.key);
  if (plan === undefined) {
    plan = buildPlan(context, allowlist);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(allowlist.key, plan);
  }
  return plan;
}

function buildPlan(context: JudgeContext, allowlist: Allowlist): PagePlan {
  const { policy, decision } = context;
  const refusedCategory = policy.categories.some((c) => !decision.allowed.has(c.id));
  const consentMode = consentModeState(policy, decision);
  const config: GuardConfig = {
    h: allowlist.open ? null : allowlist.hosts.join(" "),
    b: allowlist.open ? refusedKnownHosts(context).join(" ") : "",
    c: guardCookieRules(policy, decision.allowed, decision.vendorGrants),
    e: PATHS.consent,
    a: [...decision.allowed],
  };
  const refuses = refusedCategory || !allowlist.open || config.b !== "" || policy.unknownCookies === "block";
  const guardCode = GUARD_JS.replace("__CONSENTRY_CONFIG__", () => scriptJson(config));
  const consentDefault = consentDefaultScript(consentMode);
  return {
    allowlist,
    // Unknown cookies blocked, a category refused, an allowlist to keep: the guard has work to do.
    refuses,
    guardCode,
    headScript: consentDefault + (refuses ? guardCode : ""),
    consentMode,
    consentDefault,
  };
}

/** With an open allowlist (unclassified hosts allowed), the guard must name what it refuses. */
function refusedKnownHosts(context: JudgeContext): string[] {
  const hosts: string[] = [];
  for (const vendor of context.policy.vendors) if (judgeVendor(vendor, context).blocked) hosts.push(...vendor.hosts);
  return hosts;
}
