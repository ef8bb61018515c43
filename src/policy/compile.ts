/**
 * Turns a validated policy and the catalog into matchers, once per isolate
 * (Hono's ip-restriction does the same with its rules): the request path only
 * runs lookups and predicates.
 */
import type { Catalog } from "../catalog/catalog.ts";
import { compileVendors, type CompiledVendor } from "./compile-vendors.ts";
import { createCookieClassifier, type CookieClass, type CookieClassifier } from "./cookie-classifier.ts";
import { compileRoutePattern } from "./route-pattern.ts";
import type { Category, ConsentModeSignal, Mode, Policy, Regime } from "./schema.ts";

export type { CompiledVendor, CookieMatch } from "./compile-vendors.ts";

/** A cookie name or pattern and the policy category it belongs to (null: no place in this policy). */
export interface CookieRule {
  name?: string | undefined;
  pattern?: string | undefined;
  category: string | null;
  vendor?: string | undefined;
}

export interface CompiledRoute {
  /** The pattern as written, or `(default)` when no rule matched. */
  source: string;
  mode: Mode;
  banner: boolean;
  allow: ReadonlySet<string>;
  deny: ReadonlySet<string>;
}

export interface ExpirableCookie {
  name: string;
  domains: readonly string[];
  paths: readonly string[];
}

export interface CompiledPolicy {
  id: string;
  name: string;
  revision: number;
  hosts: readonly string[];
  links: Policy["links"];
  consent: Policy["consent"];
  banner: Policy["banner"];
  gpc: Policy["gpc"];
  /** Cookie rules as the policy declares them, for the cookie declaration. */
  declaredCookies: Policy["cookies"];
  unknownCookies: Policy["unknownCookies"];
  thirdParties: Policy["thirdParties"];
  categories: readonly Category[];
  categoryById: ReadonlyMap<string, Category>;
  /** Categories the visitor decides on: neither required nor forbidden. */
  optionalCategories: readonly string[];
  jurisdictions: Policy["jurisdictions"];
  /** The strictest regime the policy uses anywhere: what an unknown country gets. */
  strictestRegime: Regime;
  gpcOptOut: ReadonlySet<string>;
  dntOptOut: ReadonlySet<string>;
  /** The policy's own vendors, every curated vendor, and the imported vendors the policy names. */
  vendors: readonly CompiledVendor[];
  /** The policy's rules, then the vendors' cookies, then the imported catalog's (source `catalog`). */
  classifyCookie: CookieClassifier;
  /**
   * Every cookie rule, policy first, then the vendors' (`vendors`). The imported
   * catalog's thousands of cookies are not here: `classifyCookie` asks it by name.
   */
  cookieRules: readonly CookieRule[];
  /** The policy's storage keys and IndexedDB names (`storage`); the guard also reads cookie names as keys. */
  storageRules: readonly CookieRule[];
  /** The policy's vendors and the curated catalog first (a label walk), then the imported catalog, compiled on first sight. */
  vendorForHost(host: string): CompiledVendor | undefined;
  /** A vendor by id: the policy's own, the curated catalog's, an imported one. */
  vendorById(id: string): CompiledVendor | undefined;
  /** What the catalog it was compiled against says about a cookie name (the declaration's purposes and lifetimes). */
  cookieInfo(name: string): ReturnType<Catalog["cookieInfo"]>;
  route(url: URL): CompiledRoute;
  /** Google Consent Mode v2: the categories each signal needs. */
  consentMode: Readonly<Record<ConsentModeSignal, readonly string[]>>;
  /** Cookies with exact names and their declared domains/paths, per category, for expiry on withdrawal. */
  expirableCookies(category: string): readonly ExpirableCookie[];
}

const REGIME_STRICTNESS: Record<Regime, number> = { notice: 0, "opt-out": 1, "opt-in": 2 };

const DEFAULT_ROUTE: CompiledRoute = Object.freeze({
  source: "(default)",
  mode: "enforce",
  banner: true,
  allow: new Set<string>(),
  deny: new Set<string>(),
});

export function compilePolicy(policy: Policy, catalog: Catalog): CompiledPolicy {
  const categoryById = new Map(policy.categories.map((c) => [c.id, c]));
  const { vendors, vendorForHost, vendorById, mapCategory } = compileVendors(policy, catalog);

  const listed = new Map(vendors.map((v) => [v.id, v]));
  const vendorCookies: CookieRule[] = vendors
    // The policy's own vendors first: their rules win over the catalog's for the same cookie.
    .toSorted((a, b) => Number(b.source === "policy") - Number(a.source === "policy"))
    .flatMap((vendor) => vendor.cookies.map(({ name, pattern }) => ({ name, pattern, vendor: vendor.id, category: vendor.category })));
  const cookieRules: CookieRule[] = [...policy.cookies.map(({ name, pattern, category }) => ({ name, pattern, category })), ...vendorCookies];
  const classifyCookie = createCookieClassifier({
    consentCookie: policy.consent.cookieName,
    policyCookies: policy.cookies,
    vendorCookies,
    fallback(name): CookieClass | undefined {
      const info = catalog.imported.cookieInfo(name);
      if (info === undefined) return undefined;
      // A cookie of a vendor the policy compiles takes that vendor's category, as the curated vendors' cookies do.
      const vendor = info.vendor === undefined ? undefined : listed.get(info.vendor);
      const category = vendor !== undefined ? vendor.category : mapCategory(info.category);
      return info.vendor === undefined ? { category, source: "catalog" } : { category, source: "catalog", vendor: info.vendor };
    },
  });

  const routes = policy.routes.map((rule) => ({
    pattern: compileRoutePattern(rule.pattern),
    compiled: Object.freeze({
      source: rule.pattern,
      mode: rule.mode,
      banner: rule.banner,
      allow: new Set(rule.vendors.allow),
      deny: new Set(rule.vendors.deny),
    }) satisfies CompiledRoute,
  }));

  const expirable = new Map<string, ExpirableCookie[]>();
  const addExpirable = (category: string | null, cookie: ExpirableCookie) => {
    if (category === null) return;
    const list = expirable.get(category) ?? [];
    if (!list.some((c) => c.name === cookie.name)) list.push(cookie);
    expirable.set(category, list);
  };
  for (const rule of policy.cookies) {
    if (rule.name !== undefined) addExpirable(rule.category, { name: rule.name, domains: rule.domains, paths: rule.paths });
  }
  for (const vendor of vendors) {
    if (vendor.source === "policy") continue;
    for (const match of vendor.cookies) {
      if (match.name !== undefined) {
        addExpirable(vendor.category, { name: match.name, domains: policy.consent.domain ? [policy.consent.domain] : [], paths: ["/"] });
      }
    }
  }

  // A catalog category with no place in this policy maps to an id that is never allowed: the signal stays denied.
  const mapped = (category: "functional" | "analytics" | "marketing") => [policy.catalogCategories[category] ?? category];
  const consentMode: Record<ConsentModeSignal, readonly string[]> = {
    ad_storage: mapped("marketing"),
    ad_user_data: mapped("marketing"),
    ad_personalization: mapped("marketing"),
    analytics_storage: mapped("analytics"),
    functionality_storage: mapped("functional"),
    personalization_storage: mapped("functional"),
    security_storage: [],
    ...policy.googleConsentMode,
  };

  const regimes = [policy.jurisdictions.default, ...policy.jurisdictions.rules.map((r) => r.regime)];

  return {
    id: policy.id,
    name: policy.name,
    revision: policy.revision,
    hosts: policy.hosts,
    links: policy.links,
    consent: policy.consent,
    banner: policy.banner,
    gpc: policy.gpc,
    declaredCookies: policy.cookies,
    unknownCookies: policy.unknownCookies,
    thirdParties: policy.thirdParties,
    categories: policy.categories,
    categoryById,
    optionalCategories: policy.categories.filter((c) => !c.required && !c.forbidden).map((c) => c.id),
    jurisdictions: policy.jurisdictions,
    strictestRegime: regimes.reduce((a, b) => (REGIME_STRICTNESS[b] > REGIME_STRICTNESS[a] ? b : a)),
    gpcOptOut: new Set(policy.gpc.optOut),
    dntOptOut: new Set(policy.dnt.optOut),
    vendors,
    classifyCookie,
    cookieRules,
    storageRules: policy.storage.map(({ name, pattern, category }) => ({ name, pattern, category })),
    vendorForHost,
    vendorById,
    cookieInfo: (name) => catalog.cookieInfo(name),
    route(url) {
      for (const { pattern, compiled } of routes) {
        if (pattern.test(url)) return compiled;
      }
      return DEFAULT_ROUTE;
    },
    expirableCookies: (category) => expirable.get(category) ?? [],
    consentMode,
  };
}
