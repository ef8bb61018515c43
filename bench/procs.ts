/**
 * What the benchmark reads about a process from /proc (Linux): CPU time, resident
 * memory and its high-water mark, the process tree. No sampling thread of its own:
 * `VmHWM` is the kernel's exact peak, reset before each measurement.
 */
import { readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces: fields are counted after its ")".
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU seconds, user + system, of a process (fields 14 and 15 of /proc/PID/stat). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

function statusKb(pid: number, key: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? NaN);
}

/** Resident memory now, in MiB. */
export const rssMiB = (pid: number): number => statusKb(pid, "VmRSS") / 1024;

/** Peak resident memory since start or since the last {@link resetPeak}, in MiB. */
export const peakMiB = (pid: number): number => statusKb(pid, "VmHWM") / 1024;

/** Resets VmHWM to the current RSS (proc(5): writing 5 to clear_refs). False where the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(Number(entry))[1]) === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Every descendant of `root` whose executable is called `name`, with its command line. */
export function descendantsNamed(root: number, name: string): { pid: number; args: string[] }[] {
  const found: { pid: number; args: string[] }[] = [];
  const walk = (pid: number) => {
    for (const child of childrenOf(pid)) {
      try {
        if (readFileSync(`/proc/${child}/comm`, "utf8").trim() === name) {
          found.push({ pid: child, args: readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0") });
        }
      } catch {
        // Gone.
      }
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** The executable a process runs, and the version in the npm package that ships it. */
export function executableOf(pid: number): { path: string; packageVersion: string | null } {
  const path = realpathSync(`/proc/${pid}/exe`);
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(path), "..", "package.json"), "utf8")) as { version?: string };
    return { path, packageVersion: pkg.version ?? null };
  } catch {
    return { path, packageVersion: null };
  }
}

/** CPU model, from /proc/cpuinfo (os.cpus() may shorten it). */
export function cpuModel(): string {
  const info = readFileSync("/proc/cpuinfo", "utf8");
  return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? "unknown CPU";
}

