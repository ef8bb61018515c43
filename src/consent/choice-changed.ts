/**
 * Whether a new choice differs from the one the visitor already holds. A
 * receipt is written only when it does: a visitor (or a script) posting the same
 * answer again adds nothing to the proof, and must not add rows to D1.
 *
 * Everything in the choice counts except when it was made and its receipt id,
 * so fields added to the choice later count too without touching this file.
 */
import type { ConsentChoice } from "./consent-cookie.ts";

export function sameChoice(a: ConsentChoice, b: ConsentChoice): boolean {
  return canonical(a) === canonical(b);
}

function canonical(choice: ConsentChoice): string {
  const { time: _time, id: _id, ...rest } = choice;
  return JSON.stringify(sortDeep(rest));
}

/** Arrays as sets (sorted), objects by key, so `["a","b"]` equals `["b","a"]`. */
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, sortDeep(v)]));
  }
  return value;
}
