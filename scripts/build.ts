/**
 * The build step wrangler runs before `dev` and `deploy` ([build] in
 * wrangler.toml) and the tests run first: the client code, the policies, then
 * wrangler.toml's vars against those policies. Any failure stops the build.
 * Usage: node scripts/build.ts [--check] [--config wrangler.toml]
 */
import { execFileSync } from "node:child_process";
import { buildClient } from "./build-client.ts";

const sizes = await buildClient();
console.log(`consentry: client built (${Object.entries(sizes).map(([k, v]) => `${k} ${v} B`).join(", ")})`);
try {
  execFileSync(process.execPath, ["scripts/build-policies.ts", ...process.argv.slice(2)], { stdio: "inherit" });
  const config = process.argv.indexOf("--config");
  execFileSync(process.execPath, ["scripts/check-wrangler-vars.ts", ...(config > 0 ? process.argv.slice(config, config + 2) : [])], { stdio: "inherit" });
} catch {
  // The child already said why, in one line per problem; no stack trace on top of it.
  process.exit(1);
}
