/**
 * What the Worker does with one page for one visitor, and why: the decision,
 * each `Set-Cookie` of the origin's answer, each third-party host the page
 * loads, and the allowlist sent as the page's CSP. Built from the very modules
 * the Worker runs (decide, planSetCookies/judgeCookie, judgeHost, allowlistFor),
 * with the visitor's signals given as plain data instead of read from a
 * request: `consentry explain` prints it, and test/explain/ holds it to the
 * Worker's own answers. Pure; runs in Node and in workerd.
 */
import { allowlistFor, type Allowlist } from "../allowlist/allowlist.ts";
import { judgeHost, type RefusalReason } from "../allowlist/judge-host.ts";
import type { ConsentState } from "../consent/consent-cookie.ts";
import { decide, type Decision } from "../decision/decide.ts";
import { resolveJurisdiction } from "../decision/jurisdiction.ts";
import { planSetCookies, setCookieName } from "../enforce/cookie-plan.ts";
import { judgeCookie, type JudgeContext } from "../enforce/judge-cookie.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";

export interface ExplainInput {
  policy: CompiledPolicy;
  /** The page as the visitor asks for it (its path picks the route). */
  url: URL;
  /** The origin's Set-Cookie lines for this page. */
  setCookies: readonly string[];
  /** Third-party hosts the page loads, with how. */
  hosts: readonly { host: string; via: readonly string[] }[];
  /** `DE`, `US-CA`; undefined: unknown (the strictest regime the policy uses). */
  country: string | undefined;
  gpc: boolean;
  dnt: boolean;
  /** The visitor's stored choice: categories granted, vendors allowed one by one; null: none yet. */
  choice: { granted: readonly string[]; vendors: readonly string[] } | null;
  /** Unix seconds. */
  now: number;
}

export type Action = "keep" | "remove" | "would remove" | "pass (mode off)";

export interface CookieLine {
  name: string;
  action: Action;
  category: string | null;
  vendor: string | null;
  /** The decision's reason for the category, `own` (Consentry's), `unknown`, `route`, or `allowed` (unknown cookies allowed). */
  reason: string;
}

export interface HostLine {
  host: string;
  via: readonly string[];
  action: "load" | "refuse" | "would refuse" | "pass (mode off)";
  vendor: string | null;
  category: string | null;
  reason: RefusalReason | "first-party" | "allowed" | string;
}

export interface Explanation {
  route: CompiledRoute;
  decision: Decision;
  cookies: CookieLine[];
  hosts: HostLine[];
  /** The hosts the page's CSP admits besides itself; null when no CSP is sent (mode off, CSP off, or an open allowlist). */
  allowlist: Allowlist | null;
}

export function consentState(policy: CompiledPolicy, choice: ExplainInput["choice"], gpc: boolean, now: number): ConsentState {
  if (choice === null) return { status: "absent", choice: null };
  return {
    status: "valid",
    choice: {
      granted: choice.granted.filter((id) => policy.optionalCategories.includes(id)),
      refused: policy.optionalCategories.filter((id) => !choice.granted.includes(id)),
      vendors: [...choice.vendors],
      revision: policy.revision,
      time: now,
      id: "explain0000000000000000",
      gpc,
    },
  };
}

export function explainPage(input: ExplainInput): Explanation {
  const { policy, url } = input;
  const route = policy.route(url);
  const decision = decide({
    policy,
    route,
    consent: consentState(policy, input.choice, input.gpc, input.now),
    gpc: input.gpc,
    dnt: input.dnt,
    jurisdiction: resolveJurisdiction(undefined, input.country),
  });
  const context: JudgeContext = { policy, decision, route };
  const off = route.mode === "off";
  const enforce = decision.mode === "enforce";

  const plan = planSetCookies(input.setCookies, context);
  const kept = new Set(plan.kept.map(setCookieName));
  const cookies = input.setCookies.map(setCookieName).map((name): CookieLine => {
    const cls = policy.classifyCookie(name);
    const verdict = judgeCookie(name, context);
    const base = { name, category: cls.category, vendor: cls.vendor ?? null };
    if (off) return { ...base, action: "pass (mode off)", reason: "mode off" };
    if (verdict.allowed) {
      const reason = verdict.own === true ? "own" : cls.category === null ? "allowed" : categoryReason(decision, cls.category, cls.vendor);
      return { ...base, action: kept.has(name) ? "keep" : enforce ? "remove" : "would remove", reason };
    }
    return { ...base, vendor: verdict.vendor ?? base.vendor, action: enforce ? "remove" : "would remove", reason: verdict.reason };
  });

  const hosts = input.hosts.map(({ host, via }): HostLine => {
    if (off) return { host, via, action: "pass (mode off)", vendor: null, category: null, reason: "mode off" };
    const verdict = judgeHost(host, url.hostname, context);
    if (verdict.allowed) {
      const reason = verdict.vendor === null ? (host === url.hostname || policy.hosts.some((h) => host === h || host.endsWith(`.${h}`)) ? "first-party" : "allowed") : categoryReason(decision, verdict.vendor.category, verdict.vendor.id);
      return { host, via, action: "load", vendor: verdict.vendor?.id ?? null, category: verdict.vendor?.category ?? null, reason };
    }
    return { host, via, action: enforce ? "refuse" : "would refuse", vendor: verdict.vendor?.id ?? null, category: verdict.category, reason: verdict.reason };
  });

  const list = allowlistFor(context);
  const allowlist = off || policy.thirdParties.csp === "off" || list.open ? null : list;
  return { route, decision, cookies, hosts, allowlist };
}

function categoryReason(decision: Decision, category: string | null, vendor: string | undefined): string {
  if (category === null) return "allowed";
  const verdict = decision.categories[category];
  if (verdict !== undefined && !verdict.allowed && vendor !== undefined && decision.vendorGrants.has(vendor)) return "vendor granted";
  return verdict?.reason ?? "unknown";
}
