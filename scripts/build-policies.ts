/**
 * Validates every policy in policies/ against the schema and the catalog, then
 * writes src/generated/policies.ts (the bundle's list of policies) and
 * policies/schema.json (JSON Schema, for editor completion).
 * Exits 1 naming the file, the path inside it and the reason when a policy is bad.
 *
 * Runs before `wrangler dev`, `wrangler deploy` ([build] in wrangler.toml) and the tests.
 * Usage: node scripts/build-policies.ts [--check] [--policies DIR]   (--check: write nothing)
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { writeIfChanged } from "./write-if-changed.ts";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import "urlpattern-polyfill";
import type { Catalog } from "../src/catalog/catalog.ts";
import { catalogData } from "../src/catalog/lookup.ts";
import { loadCatalog, validatePolicy } from "../src/policy/load.ts";
import { workerCatalog } from "./worker-catalog.ts";
import { PolicyError } from "../src/policy/policy-error.ts";
import { policySchema, type Policy } from "../src/policy/schema.ts";
import { UNCLAIMED_POLICY } from "../src/proxy/unclaimed-policy-input.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dirArg = process.argv.indexOf("--policies");
/** Validate only. Implied by --policies: the generated bundle always lists policies/. */
const check = process.argv.includes("--check") || dirArg > 0;
/** Relative to the project root; tests point it at a folder of broken policies. */
const policiesDir = dirArg > 0 ? process.argv[dirArg + 1] ?? "policies" : "policies";

function readJson(file: string): unknown {
  const text = readFileSync(resolve(root, file), "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyError(file, [{ path: "", message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

const failures: string[] = [];
let catalog: Catalog;
try {
  catalog = loadCatalog("src/catalog/vendors.json", readJson("src/catalog/vendors.json"));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const files = readdirSync(resolve(root, policiesDir))
  .filter((name) => name.endsWith(".json") && name !== "schema.json")
  .sort()
  .map((name) => `${policiesDir}/${name}`);

/** Each policy as the schema leaves it (defaults filled): the Worker compiles these without a validator. */
const validated: Policy[] = [];
for (const file of files) {
  try {
    validated.push(validatePolicy(file, readJson(file), catalog));
  } catch (error) {
    failures.push((error as Error).message);
  }
}
let unclaimed: Policy | undefined;
try {
  unclaimed = validatePolicy("consentry/unclaimed.json", UNCLAIMED_POLICY, catalog);
} catch (error) {
  failures.push((error as Error).message);
}
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}

const generated =
  "// Written by scripts/build-policies.ts from policies/*.json, validated, with the schema's defaults filled. Do not edit.\n" +
  `// ${files.join(", ")}\n` +
  'import type { Policy } from "../policy/schema.ts";\n\n' +
  `export const POLICIES: readonly Policy[] = ${JSON.stringify(validated)};\n\n` +
  "/** The built-in policy for a host no policy claims (src/proxy/unclaimed-policy.ts). */\n" +
  `export const UNCLAIMED: Policy = ${JSON.stringify(unclaimed)};\n`;

const schema = JSON.stringify(
  { ...z.toJSONSchema(policySchema, { io: "input", unrepresentable: "any" }), title: "Consentry policy" },
  null,
  2,
) + "\n";

if (!check) {
  mkdirSync(join(root, "src/generated"), { recursive: true });
  writeIfChanged(join(root, "src/generated/policies.ts"), generated);
  writeIfChanged(join(root, "policies/schema.json"), schema);
  writeIfChanged(join(root, "src/generated/catalog.json"), JSON.stringify(workerCatalog(catalogData, [...validated, unclaimed])));
}
console.log(`consentry: ${files.length} ${files.length === 1 ? "policy" : "policies"} valid (${files.join(", ")})`);
