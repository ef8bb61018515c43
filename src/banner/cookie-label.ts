/**
 * How a cookie rule reads to a visitor: an exact name as it is; a pattern as the
 * names it stands for, with `*` where the variable part goes
 * (`^_ga_[A-Za-z0-9]+$` → `_ga_*`; `^(?:__Host-)?(?:csrf|_csrf)$` → `csrf`, `_csrf`).
 */
import type { CookieMatch } from "../policy/compile.ts";

function wildcard(source: string): string {
  return source
    .replace(/\[[^\]]*\][+*]?|\\d[+*]?|\.[+*]/g, "*")
    .replace(/\\(.)/g, "$1")
    .replace(/\*+/g, "*");
}

export function cookieLabels(match: CookieMatch): string[] {
  if (match.name !== undefined) return [match.name];
  // Optional groups are prefixes such as __Host-: the name without them is what a visitor recognises.
  const body = (match.pattern ?? "").replace(/^\^|\$$/g, "").replace(/\((?:\?:)?[^()]*\)\?/g, "");
  const group = /^([^()|]*)\((?:\?:)?([^()]*)\)([^()|]*)$/.exec(body);
  const names = group === null ? body.split(/(?<!\\)\|/) : group[2]!.split("|").map((alt) => `${group[1]}${alt}${group[3]}`);
  return [...new Set(names.map(wildcard).filter((n) => n !== ""))];
}
