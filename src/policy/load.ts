/**
 * Parses and compiles one policy file. Every problem is collected (src/policy/policy-issues.ts)
 * and thrown as one PolicyError naming the file, the path inside it and the reason.
 */
import { completeCurated, createCatalog, type Catalog } from "../catalog/catalog.ts";
import { loadCuratedVendors } from "../catalog/load-curated.ts";
import { catalogData } from "../catalog/lookup.ts";
import { compilePolicy, type CompiledPolicy } from "./compile.ts";
import { PolicyError } from "./policy-error.ts";
import { createRegistry, type PolicyRegistry } from "./registry.ts";
import { policyIssues } from "./policy-issues.ts";
import type { Policy } from "./schema.ts";

/** Validates without compiling: the build script and the tests share it. */
export function validatePolicy(file: string, data: unknown, catalog: Catalog): Policy {
  const { policy, issues } = policyIssues(data, catalog);
  const expectedId = file.replace(/^.*\//, "").replace(/\.json$/, "");
  const id = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
  if (typeof id === "string" && id !== expectedId) issues.unshift({ path: "id", message: `must be "${expectedId}", the file's name` });
  if (policy === null || issues.length > 0) throw new PolicyError(file, issues);
  return policy;
}

export function loadPolicy(file: string, data: unknown, catalog: Catalog): CompiledPolicy {
  return compilePolicy(validatePolicy(file, data, catalog), catalog);
}

/**
 * The catalog with the curated vendors read from a hand-written file (validated
 * here) and completed from the generated catalog, over the imported data. The
 * Worker uses the generated catalog directly (src/catalog/lookup.ts).
 */
export function loadCatalog(file: string, data: unknown): Catalog {
  return createCatalog(catalogData, completeCurated(loadCuratedVendors(file, data), catalogData.curated));
}

export interface PolicyFile {
  /** Path relative to the project, e.g. `policies/westhub.json`. */
  file: string;
  data: unknown;
}

/** A registry of policy files validated here: the tests and the tooling, which may carry zod. */
export function loadRegistry(files: readonly PolicyFile[], catalog: Catalog): PolicyRegistry {
  return createRegistry(files.map(({ file, data }) => loadPolicy(file, data, catalog)));
}
