/**
 * Which category a cookie name belongs to. Exact names are a Map lookup; patterns
 * are tried in order (policy first, then the policy's vendors, then the catalog),
 * and each answer is remembered per isolate, since the same few names recur on
 * every request.
 */
export type CookieSource = "consentry" | "policy" | "vendor" | "unknown";

export interface CookieClass {
  /** The policy category, or null when no rule names the cookie (or its category has no place here). */
  category: string | null;
  source: CookieSource;
  vendor?: string;
}

export type CookieClassifier = (name: string) => CookieClass;

interface Rule {
  name?: string | undefined;
  pattern?: string | undefined;
  category: string | null;
  vendor?: string | undefined;
}

const MEMO_LIMIT = 2048;

export function createCookieClassifier(input: {
  consentCookie: string;
  policyCookies: readonly Rule[];
  vendorCookies: readonly Rule[];
}): CookieClassifier {
  const exact = new Map<string, CookieClass>();
  const patterns: { re: RegExp; result: CookieClass }[] = [];
  const add = (rules: readonly Rule[], source: CookieSource) => {
    for (const rule of rules) {
      const result: CookieClass = rule.vendor === undefined ? { category: rule.category, source } : { category: rule.category, source, vendor: rule.vendor };
      if (rule.name !== undefined) {
        if (!exact.has(rule.name)) exact.set(rule.name, result);
      } else if (rule.pattern !== undefined) {
        patterns.push({ re: new RegExp(rule.pattern), result });
      }
    }
  };
  exact.set(input.consentCookie, { category: null, source: "consentry" });
  add(input.policyCookies, "policy");
  add(input.vendorCookies, "vendor");

  const unknown: CookieClass = { category: null, source: "unknown" };
  const memo = new Map<string, CookieClass>();

  return (name) => {
    const hit = exact.get(name) ?? memo.get(name);
    if (hit !== undefined) return hit;
    let result = unknown;
    for (const { re, result: r } of patterns) {
      if (re.test(name)) {
        result = r;
        break;
      }
    }
    // Cookie names come from visitors too: bound the memo so it cannot grow without limit.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, result);
    return result;
  };
}
