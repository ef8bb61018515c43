/**
 * The benchmark measures a copy of the Worker's sources taken when it starts.
 *
 * `wrangler dev` watches the project: any edit under src/ or policies/ while the
 * benchmark runs (a test run rebuilds src/generated/ and policies/schema.json)
 * reloads the Worker in the middle of a measurement. A rebuild that writes into
 * the build's own `watch_dir` even starts it over and over, and the Worker stops
 * answering. The copy is left alone, so the figures belong to one version.
 */
import { cpSync, existsSync, symlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { removeTempDir, tempDir } from "./children.ts";

/** What `wrangler dev` and `wrangler deploy` read: the sources, the build and the config. */
const ENTRIES = ["src", "scripts", "policies", "migrations", "wrangler.toml", "package.json", "tsconfig.json", ".dev.vars"];

export interface Snapshot {
  dir: string;
  remove(): void;
}

export function snapshotProject(root = process.cwd()): Snapshot {
  const dir = tempDir("consentry-bench-src-");
  for (const entry of ENTRIES) {
    const from = join(root, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
  }
  symlinkSync(resolve(root, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => removeTempDir(dir) };
}

/** A copy of the pass-through Worker, so that `wrangler dev` leaves nothing in bench/. */
export function snapshotPassthrough(root = process.cwd()): string {
  const dir = tempDir("consentry-bench-passthrough-");
  for (const file of ["worker.ts", "wrangler.toml"]) cpSync(join(root, "bench/passthrough", file), join(dir, file));
  return dir;
}

/**
 * The environment for wrangler and the build it runs (`node scripts/build.ts`):
 * this Node first on PATH, so the build never falls back to an older system Node.
 */
export function childEnv(root = process.cwd()): NodeJS.ProcessEnv {
  const path = [dirname(process.execPath), resolve(root, "node_modules/.bin"), process.env.PATH ?? ""].join(":");
  return { ...process.env, PATH: path, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
}
