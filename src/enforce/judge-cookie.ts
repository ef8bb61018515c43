/**
 * Whether one cookie may pass, and why not. Pure: it reads the compiled policy,
 * the decision and the route, and returns a verdict the adapters carry out.
 */
import { isOwnCookieName } from "../consent/consent-cookie-name.ts";
import type { Decision, Reason } from "../decision/decide.ts";
import type { CookieClassifier } from "../policy/cookie-classifier.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";

export type Verdict =
  | { allowed: true; own?: boolean }
  | {
      allowed: false;
      category: string | null;
      /** A decision reason, `unknown` (no rule names the cookie) or `route` (its vendor is not allowed on this route). */
      reason: Reason | "unknown" | "route";
      vendor?: string;
    };

export interface JudgeContext {
  policy: CompiledPolicy;
  decision: Decision;
  route: CompiledRoute;
}

/**
 * `classify` names the cookie's category: the policy's cookie rules and the catalog, or for a
 * storage name the policy's storage rules first (src/policy/storage-classifier.ts), so that
 * storage the guard reports is judged by the same decision as cookies.
 */
export function judgeCookie(name: string, { policy, decision, route }: JudgeContext, classify: CookieClassifier = policy.classifyCookie): Verdict {
  // Consentry's own names come first: no cookie rule (a `^__Host-.*$` pattern, say) can claim them.
  if (isOwnCookieName(policy.consent, name)) return { allowed: true, own: true };
  const cls = classify(name);
  if (cls.source === "consentry") return { allowed: true, own: true };
  if (cls.category === null) {
    if (policy.unknownCookies === "allow") return { allowed: true };
    return cls.vendor === undefined ? { allowed: false, category: null, reason: "unknown" } : { allowed: false, category: null, reason: "unknown", vendor: cls.vendor };
  }
  const category = decision.categories[cls.category];
  const vendorGranted = cls.vendor !== undefined && category?.reason !== "forbidden" && decision.vendorGrants.has(cls.vendor);
  if (category === undefined || (!category.allowed && !vendorGranted)) {
    const reason = category?.reason ?? "unknown";
    return cls.vendor === undefined ? { allowed: false, category: cls.category, reason } : { allowed: false, category: cls.category, reason, vendor: cls.vendor };
  }
  if (cls.vendor !== undefined && !vendorAllowedOnRoute(policy, route, cls.vendor)) {
    return { allowed: false, category: cls.category, reason: "route", vendor: cls.vendor };
  }
  return { allowed: true };
}

/** Route rules: `deny` always removes; a vendor scoped to `routes` needs the route's `allow`. */
export function vendorAllowedOnRoute(policy: CompiledPolicy, route: CompiledRoute, vendorId: string): boolean {
  if (route.deny.has(vendorId)) return false;
  const vendor = policy.vendors.find((v) => v.id === vendorId);
  return vendor?.scope !== "routes" || route.allow.has(vendorId);
}
