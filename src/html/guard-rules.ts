/**
 * The cookie rules the client guard needs to drop `document.cookie` and
 * `cookieStore` writes. When the policy blocks unknown cookies, a write passes
 * only if it matches an allowed rule, so the guard gets the allowed rules (few
 * before consent); otherwise it gets the blocked ones.
 */
import type { CompiledPolicy } from "../policy/compile.ts";

export interface GuardCookieRules {
  /** `allow`: only matching writes pass. `block`: matching writes are dropped. */
  m: "allow" | "block";
  /** Exact names. */
  n: string[];
  /** Anchored regular-expression sources. */
  p: string[];
}

export function guardCookieRules(policy: CompiledPolicy, allowed: ReadonlySet<string>): GuardCookieRules {
  const mode = policy.unknownCookies === "block" ? "allow" : "block";
  const wanted = (category: string | null) => category !== null && allowed.has(category) === (mode === "allow");
  const names = new Set<string>([policy.consent.cookieName].filter(() => mode === "allow"));
  const patterns = new Set<string>();
  for (const rule of policy.cookieRules) {
    if (!wanted(rule.category)) continue;
    if (rule.name !== undefined) names.add(rule.name);
    else if (rule.pattern !== undefined) patterns.add(rule.pattern);
  }
  return { m: mode, n: [...names], p: [...patterns] };
}
