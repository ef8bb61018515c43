/**
 * The build step wrangler runs before `dev` and `deploy` ([build] in
 * wrangler.toml) and the tests run first: the client code, then the policies.
 */
import { execFileSync } from "node:child_process";
import { buildClient } from "./build-client.ts";

const sizes = buildClient();
console.log(`consentry: client built (${Object.entries(sizes).map(([k, v]) => `${k} ${v} B`).join(", ")})`);
execFileSync(process.execPath, ["scripts/build-policies.ts", ...process.argv.slice(2)], { stdio: "inherit" });
