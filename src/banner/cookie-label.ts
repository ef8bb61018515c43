/**
 * How a cookie rule reads to a visitor: an exact name as it is, a pattern as the
 * name with `*` where the variable part goes (`^_ga_[A-Za-z0-9]+$` → `_ga_*`).
 */
import type { CookieMatch } from "../policy/compile.ts";

export function cookieLabel(match: CookieMatch): string {
  if (match.name !== undefined) return match.name;
  return (match.pattern ?? "")
    .replace(/^\^|\$$/g, "")
    .replace(/\(\?:[^)]*\)\?/g, "")
    .replace(/\[[^\]]*\][+*]?|\\d[+*]?|\.[+*]/g, "*")
    .replace(/\\(.)/g, "$1")
    .replace(/\*+/g, "*");
}
