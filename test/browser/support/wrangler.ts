/**
 * Consentry under `wrangler dev`, exactly as the README's contract says, in front
 * of an origin; shared by the browser tests' global setup and `npm run leaks`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `probe`: a path the origin answers with 200, polled until Consentry is up; `main`: another
 * entry than wrangler.toml's (a test's Worker), with the same bindings.
 */
export async function startConsentry(origin: string, policy: string, country: string, probe = "/pricing", main?: string): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "node_modules/wrangler/bin/wrangler.js", "dev", ...(main === undefined ? [] : [main]),
      "--ip", "127.0.0.1", "--port", String(port),
      "--var", `ORIGIN_URL:${origin}`, "--var", `POLICY:${policy}`, "--var", `COUNTRY_OVERRIDE:${country}`,
      "--inspector-port", String(await freePort()),
      // Each instance its own local D1 and queue state: two workerd processes must not share one SQLite file.
      "--persist-to", mkdtempSync(join(tmpdir(), "consentry-wrangler-")),
    ],
    // wrangler runs the build with `node` from PATH: make it this Node (22), however this script was started.
    { env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Up to two minutes: four instances build and start at once on a busy two-core machine.
  for (let i = 0; i < 240; i++) {
    try {
      // `output`: what it printed so far, its log lines among it.
      if ((await fetch(`${url}${probe}`)).ok) return { url, process: child, output: () => output };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`wrangler dev did not start:\n${output}`);
}

