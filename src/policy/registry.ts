/**
 * All bundled policies, compiled once when the isolate loads, and the choice of
 * one per request. The policies arrive validated: the build checks them with the
 * schema (src/policy/load.ts), so the Worker carries no validator. Two policies
 * claiming one host throw here too (the build refuses them first).
 */
import type { CompiledPolicy } from "./compile.ts";
import { createHostMatcher } from "./host-matcher.ts";
import { hostClaimIssues } from "./host-claims.ts";
import { PolicyError } from "./policy-error.ts";

export interface PolicyRegistry {
  byId: ReadonlyMap<string, CompiledPolicy>;
  /**
   * The policy for a request: the one whose `hosts` cover the hostname, else the
   * one named by the `POLICY` variable. Undefined when neither applies.
   */
  select(hostname: string, fallbackId: string | undefined): CompiledPolicy | undefined;
}

export function createRegistry(policies: readonly CompiledPolicy[]): PolicyRegistry {
  const byId = new Map<string, CompiledPolicy>();
  for (const policy of policies) byId.set(policy.id, policy);
  const claims = policies.map((policy) => ({ file: `policies/${policy.id}.json`, id: policy.id, hosts: policy.hosts }));
  for (const [file, issues] of hostClaimIssues(claims)) throw new PolicyError(file, issues);
  const byHost = createHostMatcher([...byId.values()].flatMap((p) => p.hosts.map((h) => [h, p] as const)));
  return {
    byId,
    select(hostname, fallbackId) {
      return byHost(hostname) ?? (fallbackId === undefined ? undefined : byId.get(fallbackId));
    },
  };
}
