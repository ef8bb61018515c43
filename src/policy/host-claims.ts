/**
 * Two policies claiming one host: which one answers would depend on the order
 * the files happen to load in, so it is an error, at the build and at the
 * isolate's start. A host under another policy's host (`app.example.com` beside
 * `example.com`) is allowed: the more specific one wins, by design.
 */
import type { PolicyIssue } from "./policy-error.ts";

export interface HostClaim {
  file: string;
  id: string;
  hosts: readonly string[];
}

/** Issues per file: `hosts.0: "example.com" is also claimed by policies/other.json`. */
export function hostClaimIssues(policies: readonly HostClaim[]): Map<string, PolicyIssue[]> {
  const owner = new Map<string, string>();
  const issues = new Map<string, PolicyIssue[]>();
  for (const policy of policies) {
    policy.hosts.forEach((host, i) => {
      const first = owner.get(host);
      if (first === undefined) return void owner.set(host, policy.file);
      if (first === policy.file) return;
      const list = issues.get(policy.file) ?? [];
      list.push({ path: `hosts.${i}`, message: `"${host}" is also claimed by ${first}; a host belongs to one policy` });
      issues.set(policy.file, list);
    });
  }
  return issues;
}
