/**
 * Runs a Worker under `wrangler dev`, the way a site owner runs Consentry locally
 * (README, "The wrangler contract"), and finds the workerd processes behind it.
 *
 * `wrangler dev` starts two workerd: a small proxy on the public port (it holds
 * requests while the Worker reloads) and the runtime that runs the Worker itself
 * (the one with `--inspector-addr`). CPU per request is read from the latter, so it
 * is the Worker's own work plus the runtime's HTTP handling of its request and its
 * subrequest, not the dev proxy's or the load generator's.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { startChild, stopChild, tempDir } from "./children.ts";
import { descendantsNamed } from "./procs.ts";
import { childEnv } from "./snapshot.ts";

/** wrangler as installed in this project, whatever directory it runs in. */
export const WRANGLER = resolve("node_modules/wrangler/bin/wrangler.js");

export interface WorkerInstance {
  name: string;
  url: string;
  child: ChildProcess;
  /** The workerd process running the Worker. */
  worker: number;
  /** wrangler's dev proxy in front of it. */
  proxy: number | null;
  /** wrangler's inspector (Chrome DevTools protocol) for the Worker. */
  inspectorPort: number;
  /** The bundle wrangler serves (`.wrangler/tmp/dev-…/index.js`), once it is running. */
  bundle(): string | null;
  stop(): Promise<void>;
}

function devBundle(cwd: string): string | null {
  const tmp = join(cwd, ".wrangler", "tmp");
  try {
    const newest = readdirSync(tmp)
      .filter((d) => d.startsWith("dev-"))
      .map((d) => join(tmp, d, "index.js"))
      .filter((f) => existsSync(f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    return newest ?? null;
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function findWorkerd(root: number): { worker: number; proxy: number | null } | null {
  const all = descendantsNamed(root, "workerd");
  const worker = all.find((p) => p.args.some((a) => a.startsWith("--inspector-addr")));
  if (worker === undefined) return all.length === 1 ? { worker: all[0]!.pid, proxy: null } : null;
  return { worker: worker.pid, proxy: all.find((p) => p !== worker)?.pid ?? null };
}

/** Starts `wrangler dev` with `args` in `cwd` and waits until `probe` answers 200. */
export async function startWorker(name: string, cwd: string, args: readonly string[], probe: string): Promise<WorkerInstance> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const child = startChild(
    process.execPath,
    [
      WRANGLER, "dev", ...args,
      "--ip", "127.0.0.1", "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--persist-to", tempDir("consentry-bench-state-"),
      "--log-level", "error",
    ],
    { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`${url}${probe}`);
      await response.arrayBuffer();
      const found = response.ok ? findWorkerd(child.pid!) : null;
      if (found !== null) return { name, url, child, ...found, inspectorPort, bundle: () => devBundle(cwd), stop: () => stopChild(child) };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error(`${name}: wrangler dev did not start\n${output}`);
}
