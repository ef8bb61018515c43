/** Runs the `consentry` command as a user does (a child process on this Node), in a working directory of the test's choosing. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const ENTRY = join(import.meta.dirname, "../../../scripts/cli/consentry.ts");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function consentry(args: readonly string[], cwd = process.cwd()): Run {
  const run = spawnSync(process.execPath, [ENTRY, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking the event loop (for servers the test runs in-process). */
export function consentryAsync(args: readonly string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
