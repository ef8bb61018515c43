/**
 * Configuration that cannot work is refused before any visitor arrives: the
 * build checks wrangler.toml's `[vars]` (scripts/check-wrangler-vars.ts) and the
 * Worker checks its live bindings when its module loads (src/index.ts), so a
 * `--var` or dashboard value is caught too. A typo must not fail open: before
 * this, `POLICY=westhb` started normally and let every cookie and tag through.
 *
 * Pure: the same function serves the Node build and the Worker.
 */
import { parseOriginTimeout } from "./origin-timeout.ts";
import { parseRefusalLogRate } from "./refusal-log-rate.ts";

export interface CheckedBindings {
  POLICY?: string | undefined;
  ORIGIN_URL?: string | undefined;
  ORIGIN_TIMEOUT_MS?: string | undefined;
  REFUSAL_LOG_RATE?: string | undefined;
}

/** A configuration problem, reported as one line with no stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

/** Every problem with the bindings, each as one sentence; empty when they can work. */
export function checkBindings(vars: CheckedBindings, policyIds: readonly string[]): string[] {
  const problems: string[] = [];
  if (vars.POLICY !== undefined && !policyIds.includes(vars.POLICY)) {
    problems.push(`POLICY "${vars.POLICY}" names no policy (policies/ has: ${policyIds.join(", ")})`);
  }
  if (vars.ORIGIN_URL !== undefined && vars.ORIGIN_URL.trim() !== "" && !isHttpUrl(vars.ORIGIN_URL)) {
    problems.push(`ORIGIN_URL "${vars.ORIGIN_URL}" is not an http(s) URL`);
  }
  for (const parse of [() => parseOriginTimeout(vars.ORIGIN_TIMEOUT_MS), () => parseRefusalLogRate(vars.REFUSAL_LOG_RATE)]) {
    try {
      parse();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** Throws one ConfigError naming every problem. */
export function assertBindings(vars: CheckedBindings, policyIds: readonly string[]): void {
  const problems = checkBindings(vars, policyIds);
  if (problems.length > 0) throw new ConfigError(`Consentry cannot start: ${problems.join("; ")}`);
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
