/**
 * What the benchmark leaves behind, cleared on exit, on error and on Ctrl-C:
 * every process it starts runs in a process group of its own, so that stopping it
 * also stops what it started (wrangler starts node, esbuild and two workerd), and
 * every temporary directory it makes is removed.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const running = new Set<ChildProcess>();
const directories = new Set<string>();

/** A new directory under the system's temporary directory, removed when the benchmark ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  directories.add(dir);
  return dir;
}

/** Removes a directory made by {@link tempDir} now. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  directories.delete(dir);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Starts a command in its own process group, ended with the benchmark. */
export function startChild(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Ends a child's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  signalGroup(child, "SIGTERM");
  const exited = child.exitCode !== null || child.signalCode !== null;
  if (!exited) {
    await Promise.race([new Promise((resolve) => child.once("exit", resolve)), new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }
  // The leader may be gone while workerd still runs: the group gets SIGKILL in any case.
  signalGroup(child, "SIGKILL");
  running.delete(child);
}

/** Synchronous last resort: `exit` handlers cannot wait. */
function killAll(): void {
  for (const child of running) signalGroup(child, "SIGKILL");
  running.clear();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  directories.clear();
}

process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}
