/**
 * `npm run dev`: Consentry under `wrangler dev`, in front of the built-in demo
 * origin, or in front of your own site with --origin.
 *
 *   npm run dev                                   # demo origin, WestHub policy, visitor in Germany
 *   npm run dev -- --policy whereby --country US-CA
 *   npm run dev -- --origin https://www.example.com --port 8787
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { startDemoOrigin } from "../demo/serve.ts";

const { values } = parseArgs({
  options: {
    origin: { type: "string" },
    policy: { type: "string", default: "westhub" },
    country: { type: "string", default: "DE" },
    port: { type: "string", default: "8787" },
    "demo-port": { type: "string", default: "8788" },
  },
});

let origin = values.origin;
if (origin === undefined) {
  const demo = await startDemoOrigin(Number(values["demo-port"]));
  origin = `http://127.0.0.1:${demo.port}`;
  console.log(`demo origin:  ${origin}`);
}
console.log(`consentry:    http://127.0.0.1:${values.port}  (policy ${values.policy}, visitor in ${values.country})`);

const wrangler = spawn(
  process.execPath,
  [
    "node_modules/wrangler/bin/wrangler.js",
    "dev",
    "--ip", "127.0.0.1",
    "--port", values.port,
    "--var", `ORIGIN_URL:${origin}`,
    "--var", `POLICY:${values.policy}`,
    "--var", `COUNTRY_OVERRIDE:${values.country}`,
  ],
  { stdio: "inherit", env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" } },
);
const stop = () => wrangler.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", (code) => process.exit(code ?? 0));
