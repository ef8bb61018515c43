/**
 * What the policy (or, without one, the catalog) makes of a crawl: each cookie
 * and each third-party host with its category, its vendor, and whether the
 * policy covers it. Read with the same compiled policy the Worker uses
 * (classifyCookie, vendorForHost, isFirstParty, loadsUndeclared), so "covered"
 * here means the Worker has a rule for it; "not covered" means the Worker
 * refuses it as unknown, unclassified or undeclared.
 */
import { isFirstParty, loadsUndeclared } from "../../../src/allowlist/judge-host.ts";
import { snippetVendors } from "../../../src/html/inline-snippets.ts";
import type { CompiledPolicy } from "../../../src/policy/compile.ts";
import type { CrawlResult, SeenCookie } from "./crawl.ts";

export interface CookieRow {
  cookie: SeenCookie;
  category: string | null;
  vendor: string | null;
  /** Where the category comes from. */
  source: "consentry" | "policy" | "vendor" | "catalog" | "unknown";
  covered: boolean;
}

export interface HostRow {
  host: string;
  via: string[];
  pages: string[];
  category: string | null;
  vendor: { id: string; name: string; source: string } | null;
  firstParty: boolean;
  covered: boolean;
  /** Why not covered: `unclassified`, `no-category` (the catalog knows it, the policy has no place for it), `undeclared`. */
  gap: "unclassified" | "no-category" | "undeclared" | null;
}

export interface Classified {
  cookies: CookieRow[];
  hosts: HostRow[];
  /** Vendors whose official inline snippet the pages carry. */
  snippets: { id: string; name: string; category: string | null }[];
}

export function classify(crawl: CrawlResult, policy: CompiledPolicy): Classified {
  const cookies = [...crawl.cookies.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((cookie): CookieRow => {
      const cls = policy.classifyCookie(cookie.name);
      return {
        cookie,
        category: cls.category,
        vendor: cls.vendor ?? null,
        source: cls.source,
        covered: cls.category !== null || policy.unknownCookies === "allow",
      };
    });
  const hosts = [...crawl.hosts.values()]
    .sort((a, b) => a.host.localeCompare(b.host))
    .map((seen): HostRow => {
      const base = { host: seen.host, via: [...seen.via].sort(), pages: [...seen.pages] };
      if (isFirstParty(policy, seen.host)) return { ...base, category: null, vendor: null, firstParty: true, covered: true, gap: null };
      const vendor = policy.vendorForHost(seen.host);
      if (vendor === undefined) return { ...base, category: null, vendor: null, firstParty: false, covered: false, gap: "unclassified" };
      const row = { ...base, category: vendor.category, vendor: { id: vendor.id, name: vendor.name, source: vendor.source }, firstParty: false };
      if (vendor.category === null) return { ...row, covered: false, gap: "no-category" };
      if (!loadsUndeclared(policy, vendor)) return { ...row, covered: false, gap: "undeclared" };
      return { ...row, covered: true, gap: null };
    });
  const snippets = new Map<string, { id: string; name: string; category: string | null }>();
  for (const text of crawl.inlineScripts) for (const v of snippetVendors(text, policy.vendors)) snippets.set(v.id, { id: v.id, name: v.name, category: v.category });
  return { cookies, hosts, snippets: [...snippets.values()] };
}
