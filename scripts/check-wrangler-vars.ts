/**
 * Refuses to build (so to `wrangler dev` or `wrangler deploy`) with `[vars]` in
 * wrangler.toml that cannot work: a POLICY that names no file in policies/, a
 * bad ORIGIN_URL or ORIGIN_TIMEOUT_MS. Every `[env.<name>.vars]` is checked too.
 * One line per problem on stderr, exit 1. Values given with `--var` or in the
 * dashboard are not in the file: the Worker checks those itself when it starts.
 *
 * Usage: node scripts/check-wrangler-vars.ts [--config wrangler.toml] [--policies policies]
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { checkBindings, type CheckedBindings } from "../src/config/check-bindings.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const configFile = arg("--config", "wrangler.toml");
const policiesDir = arg("--policies", "policies");

const policyIds = readdirSync(resolve(root, policiesDir))
  .filter((name) => name.endsWith(".json") && name !== "schema.json")
  .map((name) => name.slice(0, -".json".length))
  .sort();

let config: Record<string, unknown>;
try {
  config = parse(readFileSync(resolve(root, configFile), "utf8")) as Record<string, unknown>;
} catch (error) {
  console.error(`consentry: ${configFile} cannot be read: ${(error as Error).message.split("\n")[0]}`);
  process.exit(1);
}

/** Only string values are bindings Consentry reads; wrangler itself rejects other shapes. */
function stringVars(value: unknown): CheckedBindings {
  const vars = (value ?? {}) as Record<string, unknown>;
  const pick = (key: keyof CheckedBindings) => (typeof vars[key] === "string" ? (vars[key] as string) : undefined);
  return { POLICY: pick("POLICY"), ORIGIN_URL: pick("ORIGIN_URL"), ORIGIN_TIMEOUT_MS: pick("ORIGIN_TIMEOUT_MS") };
}

const sections: [string, CheckedBindings][] = [["[vars]", stringVars(config.vars)]];
for (const [name, environment] of Object.entries((config.env ?? {}) as Record<string, { vars?: unknown }>)) {
  sections.push([`[env.${name}.vars]`, stringVars(environment.vars)]);
}
const problems = sections.flatMap(([section, vars]) => checkBindings(vars, policyIds).map((p) => `consentry: ${configFile} ${section}: ${p}`));
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`consentry: ${configFile} vars valid`);
