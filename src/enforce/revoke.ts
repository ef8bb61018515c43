/**
 * When a visitor withdraws or narrows consent: expire every cookie the policy
 * knows by name in each category now denied, on every declared domain and path,
 * and every cookie of those categories the browser sent (pattern-matched names).
 */
import type { Decision } from "../decision/decide.ts";
import { splitCookieHeader } from "../http/cookie-header.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import { expiryLines } from "./cookie-plan.ts";

export function revocationLines(policy: CompiledPolicy, route: CompiledRoute, decision: Decision, cookieHeader: string | null, secure: boolean): string[] {
  const context = { policy, decision, route };
  const names = new Set<string>();
  for (const [category, verdict] of Object.entries(decision.categories)) {
    if (verdict.allowed) continue;
    for (const cookie of policy.expirableCookies(category)) names.add(cookie.name);
  }
  for (const cookie of splitCookieHeader(cookieHeader)) {
    const category = policy.classifyCookie(cookie.name).category;
    if (category !== null && decision.categories[category]?.allowed === false) names.add(cookie.name);
  }
  return [...names].flatMap((name) => expiryLines(name, context, secure));
}
