/**
 * Which category a cookie name belongs to. Exact names are a Map lookup; patterns
 * are tried in order (policy first, then the policy's vendors, then the curated
 * catalog), then the imported catalog answers for names none of them knows; each
 * answer is remembered per isolate, since the same few names recur on every request.
 */
/** `catalog`: only the imported catalog (Open Cookie Database) knows the name. */
export type CookieSource = "consentry" | "policy" | "vendor" | "catalog" | "unknown";

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
  /** Asked when no rule matches: the imported catalog, after every rule of the policy and the curated vendors. */
  fallback?: (name: string) => CookieClass | undefined;
}): CookieClassifier {
  // Tiers in precedence order: a policy's pattern beats a vendor's exact name for the same cookie.
  const tier = (rules: readonly Rule[], source: CookieSource) => {
    const exact = new Map<string, CookieClass>();
    const patterns: { re: RegExp; result: CookieClass }[] = [];
    for (const rule of rules) {
      const result: CookieClass = rule.vendor === undefined ? { category: rule.category, source } : { category: rule.category, source, vendor: rule.vendor };
      if (rule.name !== undefined) {
        if (!exact.has(rule.name)) exact.set(rule.name, result);
      } else if (rule.pattern !== undefined) {
        patterns.push({ re: new RegExp(rule.pattern), result });
      }
    }
    return (name: string): CookieClass | undefined => {
      const hit = exact.get(name);
      if (hit !== undefined) return hit;
      for (const { re, result } of patterns) if (re.test(name)) return result;
      return undefined;
    };
  };
  const own: CookieClass = { category: null, source: "consentry" };
  const tiers = [tier(input.policyCookies, "policy"), tier(input.vendorCookies, "vendor"), input.fallback ?? (() => undefined)];

  const unknown: CookieClass = { category: null, source: "unknown" };
  const memo = new Map<string, CookieClass>();

  return (name) => {
    if (name === input.consentCookie) return own;
    const hit = memo.get(name);
    if (hit !== undefined) return hit;
    let result = unknown;
    for (const lookup of tiers) {
      const found = lookup(name);
      if (found !== undefined) {
        result = found;
        break;
      }
    }
    // Cookie names come from visitors too: bound the memo so it cannot grow without limit.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, result);
    return result;
  };
}
