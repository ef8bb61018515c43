/**
 * Turns a validated policy and the catalog into matchers, once per isolate
 * (Hono's ip-restriction does the same with its rules): the request path only
 * runs lookups and predicates.
 */
import type { Catalog } from "../catalog/schema.ts";
import { createCookieClassifier, type CookieClassifier } from "./cookie-classifier.ts";
import { createHostMatcher } from "./host-matcher.ts";
import { compileRoutePattern } from "./route-pattern.ts";
import type { Category, ConsentModeSignal, Mode, Policy, Regime } from "./schema.ts";

export interface CompiledVendor {
  id: string;
  name: string;
  /** The policy's category, or null when the catalog's category has no place in this policy. */
  category: string | null;
  scope: "everywhere" | "routes";
  hosts: readonly string[];
  /** Inline-snippet signatures from the catalog. */
  inline: readonly string[];
  privacyPolicy: string | undefined;
  /** The policy names this vendor (it is listed to visitors); otherwise only the catalog knows it. */
  declared: boolean;
  /** From the curated catalog (src/catalog/vendors.json), as opposed to the policy's own or an imported entry. */
  curated: boolean;
  /** Its cookies (catalog and policy), for the banner and the cookie declaration. */
  cookies: readonly CookieMatch[];
}

export interface CookieMatch {
  name?: string | undefined;
  pattern?: string | undefined;
}

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
  vendors: readonly CompiledVendor[];
  classifyCookie: CookieClassifier;
  /** Every cookie rule, policy first, then vendors and the catalog. */
  cookieRules: readonly CookieRule[];
  vendorForHost(host: string): CompiledVendor | undefined;
  /** A vendor by id: the policy's own, the curated catalog's. */
  vendorById(id: string): CompiledVendor | undefined;
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
  const mapCatalogCategory = (category: keyof Policy["catalogCategories"]): string | null => {
    const id = policy.catalogCategories[category] ?? category;
    return categoryById.has(id) ? id : null;
  };

  const own = new Map(policy.vendors.map((v) => [v.id, v]));
  const vendors: CompiledVendor[] = [];
  for (const entry of catalog.vendors) {
    const rule = own.get(entry.id);
    vendors.push({
      id: entry.id,
      name: rule?.name ?? entry.name,
      category: rule?.category ?? mapCatalogCategory(entry.category),
      scope: rule?.scope ?? "everywhere",
      hosts: [...entry.hosts, ...(rule?.hosts ?? [])],
      inline: entry.inline,
      privacyPolicy: rule?.privacyPolicy ?? entry.privacyPolicy,
      declared: rule !== undefined,
      curated: true,
      cookies: [...entry.cookies, ...(rule?.cookies ?? [])],
    });
  }
  const catalogIds = new Set(catalog.vendors.map((v) => v.id));
  for (const rule of policy.vendors) {
    if (catalogIds.has(rule.id)) continue;
    vendors.push({
      id: rule.id,
      name: rule.name ?? rule.id,
      category: rule.category ?? null,
      scope: rule.scope,
      hosts: rule.hosts,
      inline: [],
      privacyPolicy: rule.privacyPolicy,
      declared: true,
      curated: false,
      cookies: rule.cookies,
    });
  }
  const vendorById = new Map(vendors.map((v) => [v.id, v]));
  // A host the policy's own vendors list wins over the catalog's claim to it.
  const byPrecedence = [...vendors].sort((a, b) => Number(own.has(b.id)) - Number(own.has(a.id)));
  const hostMatcher = createHostMatcher(byPrecedence.flatMap((v) => v.hosts.map((host) => [host, v] as const)));

  const vendorCookies: CookieRule[] = [
    ...policy.vendors.flatMap((rule) =>
      rule.cookies.map((match) => ({ ...match, vendor: rule.id, category: vendorById.get(rule.id)?.category ?? null })),
    ),
    ...catalog.vendors.flatMap((entry) =>
      entry.cookies.map((match) => ({ ...match, vendor: entry.id, category: vendorById.get(entry.id)?.category ?? null })),
    ),
  ];
  const cookieRules: CookieRule[] = [...policy.cookies.map(({ name, pattern, category }) => ({ name, pattern, category })), ...vendorCookies];
  const classifyCookie = createCookieClassifier({
    consentCookie: policy.consent.cookieName,
    policyCookies: policy.cookies,
    vendorCookies,
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
  for (const entry of catalog.vendors) {
    for (const match of entry.cookies) {
      if (match.name !== undefined) {
        addExpirable(vendorById.get(entry.id)?.category ?? null, { name: match.name, domains: policy.consent.domain ? [policy.consent.domain] : [], paths: ["/"] });
      }
    }
  }

  // A catalog category with no place in this policy maps to an id that is never allowed: the signal stays denied.
  const mapped = (category: keyof Policy["catalogCategories"]) => [policy.catalogCategories[category] ?? category];
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
    vendorForHost: hostMatcher,
    vendorById: (id) => vendorById.get(id),
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
