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
    ...guardHosts(context, allowlist),
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

/**
 * Which hosts the guard names. With an open allowlist no CSP is sent, so the guard
 * must name every refused known host. With a closed one the browser's allowlist (the
 * CSP header) refuses whatever it does not list, and the guard's list only keeps
 * refused elements tidy (held aside rather than failing, and `held` set so that a
 * widened choice reloads; a CSP refusal sets it too, through `securitypolicyviolation`).
 * So it gets the shorter of the two lists, and none when even that would cost the
 * page its 4 KB: under an opt-out regime before any choice nearly the whole catalog
 * is allowed, and a forbidden category refuses many hosts too. Left to the CSP alone
 * then are connections it does not govern (a `preconnect` a script adds to a refused
 * host opens a connection; it sends no request).
 */
const GUARD_HOSTS_BUDGET = 512;

function guardHosts(context: JudgeContext, allowlist: Allowlist): Pick<GuardConfig, "h" | "b"> {
  const refused = refusedKnownHosts(context).join(" ");
  if (allowlist.open) return { h: null, b: refused };
  const allowed = allowlist.hosts.join(" ");
  if (allowed.length <= refused.length && allowed.length <= GUARD_HOSTS_BUDGET) return { h: allowed, b: "" };
  return { h: null, b: refused.length <= GUARD_HOSTS_BUDGET ? refused : "" };
}

/** The hosts of the known vendors this visitor refuses. */
function refusedKnownHosts(context: JudgeContext): string[] {
  const hosts: string[] = [];
  for (const vendor of context.policy.vendors) if (judgeVendor(vendor, context).blocked) hosts.push(...vendor.hosts);
  return hosts;
}
