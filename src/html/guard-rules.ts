/**
 * The rules the client guard needs to drop `document.cookie` and `cookieStore`
 * writes, and storage writes (`localStorage`, `sessionStorage` keys, IndexedDB
 * names): one list of names, since the policy's cookie names double as storage
 * keys and its `storage` rules add keys of their own. When the policy blocks unknown cookies, a write passes
 * only if it matches an allowed rule, so the guard gets the allowed rules (few
 * before consent); otherwise it gets the blocked ones.
 */
import type { CompiledPolicy } from "../policy/compile.ts";
import type { NameRules } from "../wire.ts";

export type GuardCookieRules = NameRules;

export function guardCookieRules(policy: CompiledPolicy, allowed: ReadonlySet<string>, vendorGrants: ReadonlySet<string> = new Set()): GuardCookieRules {
  const mode = policy.unknownCookies === "block" ? "allow" : "block";
  const isAllowed = (rule: { category: string | null; vendor?: string | undefined }) =>
    rule.category !== null && (allowed.has(rule.category) || (rule.vendor !== undefined && vendorGrants.has(rule.vendor) && !policy.categoryById.get(rule.category)?.forbidden));
  // Consentry's own cookie is HttpOnly and set by the edge only: no script has any business writing it.
  const names = new Set<string>();
  const patterns = new Set<string>();
  for (const rule of [...policy.cookieRules, ...policy.storageRules]) {
    if (rule.category === null || isAllowed(rule) !== (mode === "allow")) continue;
    if (rule.name !== undefined) names.add(rule.name);
    else if (rule.pattern !== undefined) patterns.add(rule.pattern);
  }
  return { m: mode, n: [...names], p: [...patterns] };
}
