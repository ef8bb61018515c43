/**
 * When a visitor withdraws or narrows consent: expire every cookie the policy
 * knows by name in each category now denied, and every cookie of those
 * categories the browser sent (pattern-matched names), wherever each may live
 * (cookie-plan.ts `expiryLines`: the host's parent domains, declared and seen
 * domains and paths). A copy on a path this request does not reach is expired
 * by the proxy on the next visit there, when the browser sends it.
 */
import type { Decision } from "../decision/decide.ts";
import { splitCookieHeader } from "../http/cookie-header.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import { expiryLines, type ExpiryWhere } from "./cookie-plan.ts";

export function revocationLines(policy: CompiledPolicy, route: CompiledRoute, decision: Decision, cookieHeader: string | null, where: ExpiryWhere): string[] {
  const context = { policy, decision, route };
  const known = new Set<string>();
  for (const [category, verdict] of Object.entries(decision.categories)) {
    if (verdict.allowed) continue;
    for (const cookie of policy.expirableCookies(category)) known.add(cookie.name);
  }
  const sent = new Set<string>();
  for (const cookie of splitCookieHeader(cookieHeader)) {
    const category = policy.classifyCookie(cookie.name).category;
    if (category !== null && decision.categories[category]?.allowed === false) sent.add(cookie.name);
  }
  const names = new Set([...sent, ...known]);
  return [...names].flatMap((name) => expiryLines(name, context, { ...where, sent: sent.has(name) }));
}
