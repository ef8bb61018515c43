/**
 * The policy for a host that no policy claims (no `hosts` entry covers it and
 * `POLICY` is unset). Consentry must not fail open there: the host is served
 * required-only under this built-in policy, built from the vendor catalog, so
 * the catalog's trackers are neutralised in the HTML and only cookies of its
 * `necessary` vendors pass; the site's own cookies, which no policy declares,
 * are blocked as unknown. The proxy logs every such request as an error: it is
 * a configuration to fix, not a way to run.
 */
import { catalog } from "../catalog/bundled.ts";
import { UNCLAIMED } from "../generated/policies.ts";
import { compilePolicy, type CompiledPolicy } from "../policy/compile.ts";

let built: CompiledPolicy | undefined;

/** Compiled on first use: a correctly configured Worker never pays for it. */
export function unclaimedPolicy(): CompiledPolicy {
  // Validated by the build (src/proxy/unclaimed-policy-input.ts), like every policy.
  built ??= compilePolicy(UNCLAIMED, catalog);
  return built;
}
