/**
 * Cold start: the bundle `wrangler deploy --dry-run` produces (after the project's
 * build command), and the time a fresh workerd takes from launch to answering its
 * first request with that bundle, next to the pass-through Worker's bundle. The
 * difference is Consentry's module load (zod schemas, policy and catalog
 * compilation) and first-request work; the rest is workerd starting.
 *
 * Plain workerd with a generated config, not `wrangler dev`: wrangler's own start
 * (esbuild, two runtimes, the dev proxy) would drown the figure.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { removeTempDir, startChild, stopChild, tempDir } from "./children.ts";
import { childEnv } from "./snapshot.ts";
import { freePort, WRANGLER } from "./workers.ts";

export interface Bundle {
  name: string;
  dir: string;
  /** The entry module's file name in `dir` (wrangler names it after the Worker's main). */
  entry: string;
  raw: number;
  gzip: number;
  compatibilityDate: string;
  /** Raw bytes of the bundle by npm package or by folder of src/, largest first. */
  parts: { name: string; bytes: number }[];
}

/**
 * What the bundle is made of: esbuild writes a `// path` comment before each module
 * it inlines, so the bytes up to the next comment belong to that module.
 */
function composition(code: string): { name: string; bytes: number }[] {
  const sizes = new Map<string, number>();
  let current = "(wrangler's wrapper)";
  for (const line of code.split("\n")) {
    const mark = /^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/.exec(line);
    if (mark) {
      const path = mark[1]!;
      const pkg = /(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(path)?.[1];
      current = pkg ?? (path.startsWith("src/") ? path.split("/").slice(0, 2).join("/") + (path.split("/").length > 2 ? "/" : "") : path);
    }
    sizes.set(current, (sizes.get(current) ?? 0) + Buffer.byteLength(line) + 1);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Bundles the Worker configured by `config` in `cwd` without deploying it. */
export function bundle(name: string, cwd: string, config = "wrangler.toml"): Bundle {
  const dir = tempDir(`consentry-bench-bundle-${name}-`);
  try {
    // Minified, as `npm run deploy` ships it.
    execFileSync(process.execPath, [WRANGLER, "deploy", "--dry-run", "--minify", "--config", config, "--outdir", dir], { cwd, env: childEnv(), stdio: "pipe" });
  } catch (error) {
    removeTempDir(dir);
    const { stdout = "", stderr = "" } = error as { stdout?: unknown; stderr?: unknown };
    const output = `${String(stdout)}${String(stderr)}`;
    throw new Error(`${name}: wrangler deploy --dry-run failed\n${output}`);
  }
  const entry = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (entry === undefined) throw new Error(`${name}: wrangler deploy --dry-run wrote no .js file`);
  const code = readFileSync(join(dir, entry));
  // What it is made of, from the same bundle unminified: minifying drops the `// path` comments.
  const plain = tempDir(`consentry-bench-bundle-${name}-plain-`);
  let parts: Bundle["parts"];
  try {
    execFileSync(process.execPath, [WRANGLER, "deploy", "--dry-run", "--minify=false", "--config", config, "--outdir", plain], { cwd, env: childEnv(), stdio: "pipe" });
    parts = composition(readFileSync(join(plain, entry), "utf8"));
  } finally {
    removeTempDir(plain);
  }
  const toml = readFileSync(join(cwd, config), "utf8");
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "2026-11-01";
  return { name, dir, entry, raw: code.length, gzip: gzipSync(code, { level: 9 }).length, compatibilityDate, parts };
}

export function removeBundle(b: Bundle): void {
  removeTempDir(b.dir);
}

const capnpString = (s: string) => JSON.stringify(s);

function workerdConfig(b: Bundle, port: number, vars: Record<string, string>): string {
  const bindings = Object.entries(vars).map(([name, text]) => `(name = ${capnpString(name)}, text = ${capnpString(text)})`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = ${capnpString(b.entry)}, esModule = embed ${capnpString(b.entry)})],
  compatibilityDate = ${capnpString(b.compatibilityDate)},
  bindings = [${bindings.join(", ")}],
  globalOutbound = "internet",
);
`;
}

/**
 * CPU time workerd has spent so far, all its threads together (Linux: the first
 * field of each thread's schedstat, in nanoseconds), in milliseconds; null elsewhere.
 * Unlike the wall-clock time it hardly grows when other processes share the cores.
 */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    return ns / 1e6;
  } catch {
    return null;
  }
}

/** Launches workerd on the bundle and asks for `path` until it answers: wall-clock and CPU milliseconds from launch. */
export async function firstResponse(workerd: string, b: Bundle, vars: Record<string, string>, path: string, run = 0): Promise<{ ms: number; cpuMs: number | null }> {
  const port = await freePort();
  const file = join(b.dir, `config-${run}.capnp`);
  writeFileSync(file, workerdConfig(b, port, vars));
  const t0 = performance.now();
  const child = startChild(workerd, ["serve", file], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  try {
    const deadline = t0 + 30_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${b.name}: first response ${response.status}`);
        return { ms: performance.now() - t0, cpuMs: cpuMs(child.pid) };
      } catch (error) {
        if (error instanceof Error && error.message.includes("first response")) throw new Error(`${error.message}\n${stderr}`);
        if (performance.now() > deadline || child.exitCode !== null) throw new Error(`${b.name}: workerd did not answer\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  } finally {
    await stopChild(child);
  }
}

/** Milliseconds from launching workerd to the first response to `path`, `runs` times. */
export async function firstResponseTimes(workerd: string, b: Bundle, vars: Record<string, string>, path: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await firstResponse(workerd, b, vars, path, i)).ms);
  return times;
}
