/**
 * All bundled policies, compiled once when the isolate loads, and the choice of
 * one per request. The policies arrive validated: the build checks them with the
 * schema (src/policy/load.ts), so the Worker carries no validator.
 */
import type { CompiledPolicy } from "./compile.ts";
import { createHostMatcher } from "./host-matcher.ts";

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
  const byHost = createHostMatcher([...byId.values()].flatMap((p) => p.hosts.map((h) => [h, p] as const)));
  return {
    byId,
    select(hostname, fallbackId) {
      return byHost(hostname) ?? (fallbackId === undefined ? undefined : byId.get(fallbackId));
    },
  };
}
