/**
 * All bundled policies, compiled once when the isolate loads. A broken policy
 * throws here, so `wrangler deploy` and the tests fail before any visitor sees it.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { CompiledPolicy } from "./compile.ts";
import { createHostMatcher } from "./host-matcher.ts";
import { hostClaimIssues } from "./host-claims.ts";
import { loadPolicy } from "./load.ts";
import { PolicyError } from "./policy-error.ts";

export interface PolicyFile {
  /** Path relative to the project, e.g. `policies/westhub.json`. */
  file: string;
  data: unknown;
}

export interface PolicyRegistry {
  byId: ReadonlyMap<string, CompiledPolicy>;
  /**
   * The policy for a request: the one whose `hosts` cover the hostname, else the
   * one named by the `POLICY` variable. Undefined when neither applies.
   */
  select(hostname: string, fallbackId: string | undefined): CompiledPolicy | undefined;
}

export function createRegistry(files: readonly PolicyFile[], catalog: Catalog): PolicyRegistry {
  const byId = new Map<string, CompiledPolicy>();
  const claims = [];
  for (const { file, data } of files) {
    const policy = loadPolicy(file, data, catalog);
    byId.set(policy.id, policy);
    claims.push({ file, id: policy.id, hosts: policy.hosts });
  }
  for (const [file, issues] of hostClaimIssues(claims)) throw new PolicyError(file, issues);
  const byHost = createHostMatcher([...byId.values()].flatMap((p) => p.hosts.map((h) => [h, p] as const)));
  return {
    byId,
    select(hostname, fallbackId) {
      return byHost(hostname) ?? (fallbackId === undefined ? undefined : byId.get(fallbackId));
    },
  };
}
