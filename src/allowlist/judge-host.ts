/**
 * Whether a page may make a request to a host, and why not: the one question
 * behind the CSP header, the rewriter and the guard. Pure.
 *
 * - The site itself (the policy's hosts and their subdomains) is first party.
 * - A host a vendor owns (the policy's own vendors, the curated catalog, the
 *   imported catalog) follows that vendor's verdict: its category, a per-vendor
 *   grant, the route's rules. A catalog vendor the policy does not name loads only
 *   under `thirdParties.undeclared: "by-category"`, and only from the curated
 *   catalog: an allowlist the browser enforces must list its hosts, and thousands
 *   of imported trackers cannot go into a header. Two exceptions, both bounded:
 *   a vendor the visitor granted by name (at most a handful, its hosts join the
 *   list), and a regime that allows unclassified hosts (no list is sent, so a
 *   known tracker must not fare worse than a host nobody knows: its category
 *   decides).
 * - A host nobody knows is unclassified: refused unless the policy allows
 *   unclassified hosts under the visitor's regime.
 */
import type { Reason } from "../decision/decide.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { judgeVendor } from "../enforce/judge-vendor.ts";
import type { CompiledPolicy, CompiledVendor } from "../policy/compile.ts";

export type RefusalReason = Reason | "unknown" | "route" | "undeclared" | "unclassified";

export type HostVerdict =
  | { allowed: true; vendor: CompiledVendor | null }
  | { allowed: false; vendor: CompiledVendor | null; category: string | null; reason: RefusalReason };

const FIRST_PARTY: HostVerdict = Object.freeze({ allowed: true, vendor: null });

/** The policy's own hosts cover themselves and every subdomain. */
export function isFirstParty(policy: CompiledPolicy, host: string): boolean {
  for (const own of policy.hosts) if (host === own || host.endsWith(`.${own}`)) return true;
  return false;
}

/**
 * A vendor the policy does not name may still load with its category: from the
 * curated catalog under `by-category`; from anywhere when the visitor granted it by
 * name; from the imported catalog under `by-category` where the regime leaves
 * unclassified hosts open (`open`: nothing is listed, so nothing has to fit a header).
 */
export function loadsUndeclared(policy: CompiledPolicy, vendor: CompiledVendor, context?: Pick<JudgeContext, "decision">): boolean {
  if (vendor.declared) return true;
  if (context?.decision.vendorGrants.has(vendor.id)) return true;
  if (policy.thirdParties.undeclared !== "by-category") return false;
  return vendor.curated || (context !== undefined && policy.thirdParties.unclassified[context.decision.regime] === "allow");
}

/** `host` is lower-case, without a trailing dot; `pageHost` is the page's own host name. */
export function judgeHost(host: string, pageHost: string, context: JudgeContext): HostVerdict {
  const { policy, decision } = context;
  if (host === pageHost || isFirstParty(policy, host)) return FIRST_PARTY;
  const vendor = policy.vendorForHost(host);
  if (vendor === undefined) {
    return policy.thirdParties.unclassified[decision.regime] === "allow"
      ? { allowed: true, vendor: null }
      : { allowed: false, vendor: null, category: null, reason: "unclassified" };
  }
  const verdict = judgeVendor(vendor, context);
  if (verdict.blocked) return { allowed: false, vendor, category: verdict.category, reason: verdict.reason };
  if (!loadsUndeclared(policy, vendor, context)) return { allowed: false, vendor, category: vendor.category, reason: "undeclared" };
  return { allowed: true, vendor };
}
