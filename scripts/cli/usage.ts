/**
 * What every verb shares: argument parsing that turns a mistake into one line
 * and exit code 2, `--help`, and the exit codes a CI job reads.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** 0: all good; 1: findings (invalid policy, uncovered cookies, enforcement off); 2: the command was used wrongly. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` strictly; unknown options and missing values are usage errors. */
export function parse(argv: readonly string[], options: Options, maxPositionals: number): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`);
  return parsed as Parsed;
}

export function str(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" ? value : undefined;
}

export function int(parsed: Parsed, name: string, fallback: number, min = 0, max = 10_000): number {
  const value = str(parsed, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A page address; a bare host gets `https://`. */
export function urlArg(value: string | undefined, verb: string): URL {
  if (value === undefined) throw new UsageError(`${verb} needs a URL (consentry ${verb} --help)`);
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!URL.canParse(text)) throw new UsageError(`not a URL: ${value}`);
  const url = new URL(text);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`not an http(s) URL: ${value}`);
  return url;
}

/** Progress for long work, on stderr so stdout stays the result. Quiet when stderr is not a terminal. */
export function progress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 80) - 1)}`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
}
