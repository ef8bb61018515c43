/**
 * Every policy in a folder checked at once: each file's problems (schema and
 * references together, src/policy/policy-issues.ts), then hosts two files claim.
 * One line per problem, `file: path: reason`. Shared by `consentry check`, the
 * build (scripts/build-policies.ts) and so `wrangler dev` and `npm run dev`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import "urlpattern-polyfill";
import type { Catalog } from "../../src/catalog/catalog.ts";
import { hostClaimIssues, type HostClaim } from "../../src/policy/host-claims.ts";
import { loadCatalog, validatePolicy } from "../../src/policy/load.ts";
import { formatIssues, PolicyError } from "../../src/policy/policy-error.ts";
import type { Policy } from "../../src/policy/schema.ts";
import { packageRoot } from "./package-root.ts";

export interface CheckedPolicy {
  file: string;
  policy: Policy;
}

export interface PoliciesCheck {
  files: string[];
  valid: CheckedPolicy[];
  /** `file: path: reason`, every problem of every file. */
  problems: string[];
  catalog: Catalog;
}

export function readJson(root: string, file: string): unknown {
  const text = readFileSync(resolve(root, file), "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyError(file, [{ path: "", message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** The catalog as the build reads it (src/catalog/vendors.json over the generated catalog). */
export function buildCatalog(root: string): Catalog {
  return loadCatalog("src/catalog/vendors.json", readJson(root, "src/catalog/vendors.json"));
}

/** Policy files of a folder (relative to `root`), `schema.json` aside, sorted. */
export function policyFiles(root: string, dir: string): string[] {
  return readdirSync(resolve(root, dir))
    .filter((name) => name.endsWith(".json") && name !== "schema.json")
    .sort()
    .map((name) => `${dir.replace(/\/$/, "")}/${name}`);
}

/** `root`: where `dir` is (the working directory); the catalog comes from Consentry's own files. */
export function checkPolicies(root: string, dir: string, catalog = buildCatalog(packageRoot)): PoliciesCheck {
  const files = policyFiles(root, dir);
  const valid: CheckedPolicy[] = [];
  const problems: string[] = [];
  // An invalid file's hosts still count, as written: its duplicate is reported in the same run.
  const claims: HostClaim[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = readJson(root, file);
      const policy = validatePolicy(file, data, catalog);
      valid.push({ file, policy });
      claims.push({ file, id: policy.id, hosts: policy.hosts });
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems.push(error.message);
      const hosts = (data as { hosts?: unknown } | undefined)?.hosts;
      if (Array.isArray(hosts)) claims.push({ file, id: file, hosts: hosts.filter((h): h is string => typeof h === "string") });
    }
  }
  for (const [file, issues] of hostClaimIssues(claims)) {
    problems.push(formatIssues(file, issues));
  }
  return { files, valid, problems: problems.flatMap((p) => p.split("\n")), catalog };
}

/** Policies side by side: what each claims and declares. */
export function summaryTable(checked: readonly CheckedPolicy[]): string {
  const rows = [["policy", "file", "hosts", "categories", "cookies", "vendors", "routes", "default regime"]];
  for (const { file, policy } of checked) {
    rows.push([
      policy.id,
      file,
      policy.hosts.length === 0 ? "(none: POLICY fallback only)" : policy.hosts.join(" "),
      String(policy.categories.length),
      String(policy.cookies.length),
      String(policy.vendors.length),
      String(policy.routes.length),
      policy.jurisdictions.default,
    ]);
  }
  return table(rows);
}

/** Plain columns, padded; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
}
