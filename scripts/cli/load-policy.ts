/**
 * The policy a command works with: `--policy ID` (a file in policies/), else the
 * one whose `hosts` claim the URL's host, else the only one there is. Validated
 * and compiled as the Worker compiles it (src/policy/load.ts).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import "urlpattern-polyfill";
import type { Catalog } from "../../src/catalog/catalog.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { createHostMatcher } from "../../src/policy/host-matcher.ts";
import { loadPolicy } from "../../src/policy/load.ts";
import { PolicyError } from "../../src/policy/policy-error.ts";
import { policyFiles, readJson } from "./check-policies.ts";
import { UsageError } from "./usage.ts";

export interface PolicyChoice {
  file: string;
  data: unknown;
  compiled: CompiledPolicy;
  /** How it was chosen, for the output. */
  how: "--policy" | "hosts" | "only policy";
}

export function choosePolicy(cwd: string, dir: string, id: string | undefined, host: string, catalog: Catalog): PolicyChoice | null {
  const load = (file: string, how: PolicyChoice["how"]): PolicyChoice => {
    const data = readJson(cwd, file);
    try {
      return { file, data, compiled: loadPolicy(file, data, catalog), how };
    } catch (error) {
      if (error instanceof PolicyError) throw new Error(`${file} is not valid (consentry check):\n${error.message}`);
      throw error;
    }
  };
  if (id !== undefined) {
    const file = `${dir}/${id}.json`;
    if (!existsSync(resolve(cwd, file))) throw new UsageError(`no policy ${file}`);
    return load(file, "--policy");
  }
  if (!existsSync(resolve(cwd, dir))) return null;
  const files = policyFiles(cwd, dir);
  const claims: (readonly [string, string])[] = [];
  for (const file of files) {
    const hosts = (readJson(cwd, file) as { hosts?: unknown }).hosts;
    if (Array.isArray(hosts)) for (const h of hosts) if (typeof h === "string") claims.push([h, file]);
  }
  const claimed = createHostMatcher(claims)(host);
  if (claimed !== undefined) return load(claimed, "hosts");
  if (files.length === 1) return load(files[0]!, "only policy");
  return null;
}
