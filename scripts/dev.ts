/**
 * `npm run dev`: Consentry under `wrangler dev`, in front of the built-in demo
 * origin, or in front of your own site with --origin.
 *
 *   npm run dev                                   # demo origin, WestHub policy, visitor in Germany
 *   npm run dev -- --policy whereby --country US-CA
 *   npm run dev -- --origin https://www.example.com --policy my-site
 *   npm run dev -- --port 8790 --demo-port 8791    # other ports (defaults 8787 and 8788)
 *
 * The build runs first, here: a bad policy prints one line per problem (the
 * same as `consentry check`) and stops, instead of wrangler's stack trace. A busy
 * port is said in one line too.
 */
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { startDemoOrigin } from "../demo/serve.ts";

const usage = `Usage: npm run dev -- [--origin URL] [--policy ID] [--country CC] [--port N] [--demo-port N]`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      origin: { type: "string" },
      policy: { type: "string", default: "westhub" },
      country: { type: "string", default: "DE" },
      port: { type: "string", default: "8787" },
      "demo-port": { type: "string", default: "8788" },
    },
  }));
} catch (error) {
  console.error(`npm run dev: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}

function fail(line: string): never {
  console.error(`npm run dev: ${line}`);
  process.exit(1);
}

/** Whether 127.0.0.1:port can be listened on, checked before wrangler tries (its own message is a stack). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

for (const name of ["port", "demo-port"] as const) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`--${name} must be a port number, not "${values[name]}"`);
}
const port = Number(values.port);
if (!(await portFree(port))) fail(`port ${port} is in use (another npm run dev?): stop it, or choose another with --port N`);
const demoPort = Number(values["demo-port"]);
if (values.origin === undefined && !(await portFree(demoPort))) fail(`port ${demoPort} (the demo site) is in use: stop what runs there, or choose another with --demo-port N`);

// The build wrangler would run, run here first, on this Node; its failure has already said why.
try {
  execFileSync(process.execPath, ["scripts/build.ts"], { stdio: "inherit" });
} catch {
  process.exit(1);
}

let origin = values.origin;
if (origin === undefined) {
  try {
    const demo = await startDemoOrigin(demoPort);
    origin = `http://127.0.0.1:${demo.port}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") fail(`port ${demoPort} (the demo site) is in use: stop what runs there, or choose another with --demo-port N`);
    throw error;
  }
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
  {
    stdio: "inherit",
    // wrangler's own build step (`node scripts/build.ts`) runs on this Node too.
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  },
);
const stop = () => wrangler.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", (code) => process.exit(code ?? 0));
