/** Medians with their spread, and the number formats the report uses. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stats(xs: readonly number[]): Stats {
  const sorted = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

/** Three significant digits, no trailing zeros; "–" for a missing value. */
export const fmt = (n: number | null | undefined, digits = 3): string => (n === null || n === undefined || !Number.isFinite(n) ? "–" : String(+n.toPrecision(digits)));

/** "median (min–max)", or the median alone for a single run. */
export const spread = (s: Stats | null | undefined, digits = 3): string =>
  s === null || s === undefined || s.n === 0 ? "–" : s.n === 1 ? fmt(s.median, digits) : `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;

export const kib = (bytes: number): string => (bytes >= 2 ** 20 ? `${fmt(bytes / 2 ** 20)} MB` : `${fmt(bytes / 1024)} KB`);

export const sizeLabel = (kb: number): string => (kb >= 1024 ? `${fmt(kb / 1024)} MB` : `${kb} KB`);
