/**
 * The totals of a real-page replay (bench/realpages.ts): what the table's last
 * lines say and what the JSON carries for the benchmark.
 */
import type { PageLoad } from "../test/browser/support/realpages.ts";

export interface Row {
  id: string;
  source: string;
  direct: PageLoad;
  before: PageLoad;
  after: PageLoad | null;
  reloaded: boolean;
  newErrorsBefore: string[];
  newErrorsAfter: string[];
  /** Relative change of the visible text against the direct load. */
  textBefore: number;
  textAfter: number;
}

/** More than this much less text than the direct load is a page losing text. */
export const TEXT_TOLERANCE = 0.01;

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

function spread(values: readonly (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  return { median: percentile(present, 50), p95: percentile(present, 95) };
}

export function summarise(rows: readonly Row[]) {
  const sum = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const count = (pick: (r: Row) => boolean) => rows.filter(pick).length;
  return {
    pages: rows.length,
    newErrors: sum((r) => r.newErrorsBefore.length + r.newErrorsAfter.length),
    pagesWithNewErrors: count((r) => r.newErrorsBefore.length + r.newErrorsAfter.length > 0),
    pagesWithNewErrorsBefore: count((r) => r.newErrorsBefore.length > 0),
    pagesWithNewErrorsAfter: count((r) => r.newErrorsAfter.length > 0),
    pagesLosingText: count((r) => r.textBefore < -TEXT_TOLERANCE || r.textAfter < -TEXT_TOLERANCE),
    pagesLosingTextBefore: count((r) => r.textBefore < -TEXT_TOLERANCE),
    pagesLosingTextAfter: count((r) => r.textAfter < -TEXT_TOLERANCE),
    thirdPartyDirect: sum((r) => r.direct.requests.length),
    thirdPartyBefore: sum((r) => r.before.requests.length),
    thirdPartyAfter: sum((r) => r.after?.requests.length ?? 0),
    refusedBefore: sum((r) => r.before.refused.length),
    refusedAfter: sum((r) => r.after?.refused.length ?? 0),
    reloaded: count((r) => r.reloaded),
    loadDirect: spread(rows.map((r) => r.direct.loadMs)),
    loadConsentry: spread(rows.map((r) => r.before.loadMs)),
  };
}
