/**
 * REFUSAL_LOG_RATE: the share of enforced responses whose refusals are logged,
 * one structured line each (`{"consentry":"refused",…}`), so enforce mode shows
 * what it blocks without a log line per request. Default 0.01 (1 in 100); `0`
 * turns it off, `1` logs every response. Report-only mode always logs everything.
 */
export const DEFAULT_REFUSAL_LOG_RATE = 0.01;

export function parseRefusalLogRate(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_REFUSAL_LOG_RATE;
  const rate = Number(value);
  if (!/^\s*(?:0|1|0?\.\d+|1\.0*)\s*$/.test(value) || !(rate >= 0 && rate <= 1)) {
    throw new RangeError(`REFUSAL_LOG_RATE must be a share from 0 to 1 (0.01: one response in a hundred), not "${value}"`);
  }
  return rate;
}
