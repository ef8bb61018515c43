/**
 * Report-only mode: every action Consentry would have taken, as one structured
 * JSON log line each (Workers Logs and `wrangler tail` index JSON fields), and a
 * response header that sums them up. Enforce mode: the same lines for a sample
 * of responses, as `refused`.
 */
import type { Decision } from "../decision/decide.ts";
import type { CookieAction } from "./cookie-plan.ts";

export const REPORT_HEADER = "Consentry-Report-Only";
const HEADER_LIMIT = 2048;

export interface ReportContext {
  decision: Decision;
  route: string;
  /** Path and query only: no host-specific or personal data beyond what the site already logs. */
  path: string;
}

export type Logger = (line: string) => void;

/**
 * One line per action. `report-only`: what the mode would have done; `refused`:
 * what enforce mode did, on the sampled responses (REFUSAL_LOG_RATE), with the rate;
 * `cookie-expired`: a cookie the browser held without consent, expired here.
 */
export function logActions(
  actions: readonly { action: string }[],
  context: ReportContext,
  log: Logger,
  event: "report-only" | "refused" | "cookie-expired" = "report-only",
  rate?: number,
): void {
  for (const action of actions) {
    log(
      JSON.stringify({
        consentry: event,
        ...(rate === undefined ? {} : { sample: rate }),
        policy: context.decision.policyId,
        revision: context.decision.revision,
        route: context.route,
        path: context.path,
        jurisdiction: context.decision.jurisdiction,
        regime: context.decision.regime,
        ...action,
      }),
    );
  }
}

/** `strip-set-cookie=_ga,_fbp; strip-request-cookie=_ga` (or `none`), cut to a safe header size. */
export function summarise(actions: readonly CookieAction[]): string {
  if (actions.length === 0) return "none";
  const byKind = new Map<string, string[]>();
  for (const a of actions) {
    const names = byKind.get(a.action) ?? [];
    if (!names.includes(a.cookie)) names.push(a.cookie);
    byKind.set(a.action, names);
  }
  const text = [...byKind].map(([kind, names]) => `${kind}=${names.join(",")}`).join("; ");
  return text.length <= HEADER_LIMIT ? text : `${text.slice(0, HEADER_LIMIT - 3)}...`;
}
