/**
 * Validates every policy in policies/ against the schema and the catalog, then
 * writes src/generated/policies.ts (the bundle's list of policies) and
 * policies/schema.json (JSON Schema, for editor completion).
 * Exits 1 with one line per problem, `file: path: reason`, the same text as
 * `consentry check` (scripts/cli/check-policies.ts), and no stack trace.
 *
 * Runs before `wrangler dev`, `wrangler deploy` ([build] in wrangler.toml) and the tests.
 * Usage: node scripts/build-policies.ts [--check] [--policies DIR]   (--check: write nothing)
 */
import { mkdirSync } from "node:fs";
import { writeIfChanged } from "./write-if-changed.ts";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { catalogData } from "../src/catalog/lookup.ts";
import { validatePolicy } from "../src/policy/load.ts";
import { PolicyError } from "../src/policy/policy-error.ts";
import { policySchema, type Policy } from "../src/policy/schema.ts";
import { UNCLAIMED_POLICY } from "../src/proxy/unclaimed-policy-input.ts";
import { checkPolicies } from "./cli/check-policies.ts";
import { workerCatalog } from "./worker-catalog.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dirArg = process.argv.indexOf("--policies");
/** Validate only. Implied by --policies: the generated bundle always lists policies/. */
const check = process.argv.includes("--check") || dirArg > 0;
/** Relative to the project root; tests point it at a folder of broken policies. */
const policiesDir = dirArg > 0 ? process.argv[dirArg + 1] ?? "policies" : "policies";

let result;
try {
  result = checkPolicies(root, policiesDir);
} catch (error) {
  // The catalog itself is broken, or the folder is missing: its message, without a stack.
  console.error(`consentry: ${(error as Error).message}`);
  process.exit(1);
}
const { files, valid, problems, catalog } = result;
/** The built-in policy for hosts no policy claims, validated like every other. */
let unclaimed: Policy | undefined;
try {
  unclaimed = validatePolicy("consentry/unclaimed.json", UNCLAIMED_POLICY, catalog);
} catch (error) {
  if (!(error instanceof PolicyError)) throw error;
  problems.push(...error.message.split("\n"));
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`consentry: ${problems.length} ${problems.length === 1 ? "problem" : "problems"} in policies; nothing was built (npx consentry check explains each)`);
  process.exit(1);
}

// Each policy as the schema leaves it (defaults filled): the Worker compiles these without a validator.
const validated = valid.map((v) => v.policy);
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
