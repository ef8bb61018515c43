/**
 * Parses and compiles one policy file. Every problem is collected and thrown as
 * one PolicyError naming the file, the path inside it and the reason.
 */
import { completeCurated, createCatalog, type Catalog } from "../catalog/catalog.ts";
import { loadCuratedVendors } from "../catalog/load-curated.ts";
import { catalogData } from "../catalog/lookup.ts";
import { checkReferences } from "./check-references.ts";
import { compilePolicy, type CompiledPolicy } from "./compile.ts";
import { createRegistry, type PolicyRegistry } from "./registry.ts";
import { formatPath, PolicyError, type PolicyIssue } from "./policy-error.ts";
import { policySchema, type Policy } from "./schema.ts";

/** Validates without compiling: the build script and the tests share it. */
export function validatePolicy(file: string, data: unknown, catalog: Catalog): Policy {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    throw new PolicyError(file, parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  const issues: PolicyIssue[] = checkReferences(parsed.data, catalog);
  const expectedId = file.replace(/^.*\//, "").replace(/\.json$/, "");
  if (parsed.data.id !== expectedId) issues.unshift({ path: "id", message: `must be "${expectedId}", the file's name` });
  if (issues.length > 0) throw new PolicyError(file, issues);
  return parsed.data;
}

export function loadPolicy(file: string, data: unknown, catalog: Catalog): CompiledPolicy {
  return compilePolicy(validatePolicy(file, data, catalog), catalog);
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

/**
 * The catalog with the curated vendors read from a hand-written file (validated
 * here) and completed from the generated catalog, over the imported data. The
 * Worker uses the generated catalog directly (src/catalog/lookup.ts).
 */
export function loadCatalog(file: string, data: unknown): Catalog {
  return createCatalog(catalogData, completeCurated(loadCuratedVendors(file, data), catalogData.curated));
}
