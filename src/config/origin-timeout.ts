/**
 * ORIGIN_TIMEOUT_MS: how long Consentry waits for the origin's response headers
 * before answering 504 (src/proxy/origin-fetch.ts). At most 30 s by default, so
 * an origin that never answers cannot hold a visitor for ever.
 */
export const DEFAULT_ORIGIN_TIMEOUT_MS = 30_000;
export const MAX_ORIGIN_TIMEOUT_MS = 300_000;

/**
 * ORIGIN_TIMEOUT_MS as milliseconds; unset or empty: 30000. Anything but a whole
 * number from 1 to 300000 is a configuration error.
 *
 * @example
 * parseOriginTimeout(undefined); // 30000
 * parseOriginTimeout("5000");    // 5000
 */
export function parseOriginTimeout(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_ORIGIN_TIMEOUT_MS;
  const ms = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(ms) || ms < 1 || ms > MAX_ORIGIN_TIMEOUT_MS) {
    throw new RangeError(`ORIGIN_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_ORIGIN_TIMEOUT_MS}, not "${value}"`);
  }
  return ms;
}
