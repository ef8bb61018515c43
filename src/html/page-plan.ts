/**
 * What the HTML rewriter has to do for one decision, worked out once and
 * remembered per isolate: the same few (policy, route, allowed categories)
 * combinations recur on every request.
 */
import type { Decision } from "../decision/decide.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { judgeVendor, type VendorVerdict } from "../enforce/judge-vendor.ts";
import type { CompiledVendor } from "../policy/compile.ts";
import { consentModeState, type ConsentModeState } from "./consent-mode.ts";
import { guardCookieRules, type GuardCookieRules } from "./guard-rules.ts";

export type BlockedVerdict = Extract<VendorVerdict, { blocked: true }>;

export interface PagePlan {
  /** Something on the page may have to be neutralised. */
  active: boolean;
  blocked: ReadonlyMap<string, BlockedVerdict>;
  /** Blocked vendors that have inline-snippet signatures. */
  inline: readonly { vendor: CompiledVendor; signatures: readonly string[]; verdict: BlockedVerdict }[];
  /** Narrow selector for pixel images: only `img`s whose src names a blocked host run JavaScript. */
  imageSelector: string | null;
  /** Hosts of blocked vendors per category (`~route` for route-denied ones, which consent does not revive). */
  blockedHosts: Readonly<Record<string, readonly string[]>>;
  cookies: GuardCookieRules;
  consentMode: ConsentModeState;
}

const cache = new Map<string, PagePlan>();
const CACHE_LIMIT = 256;

export function pagePlan(context: JudgeContext): PagePlan {
  const { policy, decision, route } = context;
  const key = `${policy.id}|${policy.revision}|${route.source}|${[...decision.allowed].sort().join(",")}`;
  let plan = cache.get(key);
  if (plan === undefined) {
    plan = buildPlan(context, decision);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, plan);
  }
  return plan;
}

function buildPlan(context: JudgeContext, decision: Decision): PagePlan {
  const blocked = new Map<string, BlockedVerdict>();
  const blockedHosts: Record<string, string[]> = {};
  for (const vendor of context.policy.vendors) {
    const verdict = judgeVendor(vendor, context);
    if (!verdict.blocked) continue;
    blocked.set(vendor.id, verdict);
    const key = verdict.reason === "route" || verdict.category === null ? "~route" : verdict.category;
    (blockedHosts[key] ??= []).push(...vendor.hosts);
  }
  const hosts = [...blocked.values()].flatMap((v) => v.vendor.hosts);
  return {
    active: blocked.size > 0,
    blocked,
    inline: [...blocked.values()].filter((v) => v.vendor.inline.length > 0).map((verdict) => ({ vendor: verdict.vendor, signatures: verdict.vendor.inline, verdict })),
    imageSelector: hosts.length === 0 ? null : hosts.map((h) => `img[src*="${h}"]`).join(", "),
    blockedHosts,
    cookies: guardCookieRules(context.policy, decision.allowed),
    consentMode: consentModeState(context.policy, decision),
  };
}
