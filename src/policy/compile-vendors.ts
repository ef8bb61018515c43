/**
 * The vendors of one compiled policy, in precedence order: the policy's own
 * rules, then the curated catalog, then the imported catalog. The policy's own
 * and the curated vendors (and imported ones the policy names) are compiled
 * with the policy; the thousands of other imported vendors only when a lookup
 * first meets one of their hosts, and then remembered, so starting an isolate
 * costs the same as before the catalog grew.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { CatalogCategory, CookieMatch } from "../catalog/catalog-format.ts";
import type { ImportedVendor } from "../catalog/imported-catalog.ts";
import { createHostMatcher } from "./host-matcher.ts";
import type { Policy, VendorRule } from "./schema.ts";

export type { CookieMatch };

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
  /** Where the vendor comes from: the policy alone, the curated catalog, or the imported catalog. */
  source: "policy" | "curated" | "imported";
  /** A Google tag (gtag.js, Tag Manager, Ads, Floodlight, AdSense): it reads Consent Mode signals. */
  googleTag: boolean;
  /** Its cookies (catalog and policy), for the banner and the cookie declaration. */
  cookies: readonly CookieMatch[];
}

export interface PolicyVendors {
  /** The policy's own vendors, every curated vendor and the imported vendors the policy names. */
  vendors: readonly CompiledVendor[];
  /** Policy and curated hosts first (a label walk), then the imported catalog's. */
  vendorForHost(host: string): CompiledVendor | undefined;
  /** Any vendor `vendorForHost` can return, by id. */
  vendorById(id: string): CompiledVendor | undefined;
  /** A catalog category's place in this policy, or null when it has none. */
  mapCategory(category: CatalogCategory | null): string | null;
}

export function compileVendors(policy: Policy, catalog: Catalog): PolicyVendors {
  const categories = new Set(policy.categories.map((c) => c.id));
  const mapCategory = (category: CatalogCategory | null): string | null => {
    if (category === null) return null;
    // Security storage (CSRF tokens) is exempt wherever necessary storage is, unless the policy says otherwise.
    const fallback = category === "security" && !categories.has("security") ? (policy.catalogCategories.necessary ?? "necessary") : category;
    const id = policy.catalogCategories[category] ?? fallback;
    return categories.has(id) ? id : null;
  };

  const own = new Map(policy.vendors.map((v) => [v.id, v]));
  const vendors: CompiledVendor[] = [];
  for (const entry of catalog.vendors) {
    const rule = own.get(entry.id);
    vendors.push({
      id: entry.id,
      name: rule?.name ?? entry.name,
      category: rule?.category ?? mapCategory(entry.category),
      scope: rule?.scope ?? "everywhere",
      hosts: [...entry.hosts, ...(rule?.hosts ?? [])],
      inline: entry.inline,
      privacyPolicy: rule?.privacyPolicy ?? entry.privacyPolicy,
      declared: rule !== undefined,
      curated: true,
      source: "curated",
      googleTag: entry.googleTag === true,
      cookies: [...entry.cookies, ...(rule?.cookies ?? [])],
    });
  }
  for (const rule of policy.vendors) {
    if (catalog.curated(rule.id) !== undefined) continue;
    const imported = catalog.imported.vendor(rule.id);
    if (imported !== undefined) {
      vendors.push(compileImported(imported, rule, mapCategory));
      continue;
    }
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
      source: "policy",
      googleTag: false,
      cookies: rule.cookies,
    });
  }
  const byId = new Map(vendors.map((v) => [v.id, v]));
  // A host the policy's own vendors list wins over the catalog's claim to it.
  const byPrecedence = [...vendors].sort((a, b) => Number(own.has(b.id)) - Number(own.has(a.id)));
  const hostMatcher = createHostMatcher(byPrecedence.flatMap((v) => v.hosts.map((host) => [host, v] as const)));

  // Imported vendors the policy does not name, compiled on first sight. Bounded by the catalog's size.
  const lazy = new Map<string, CompiledVendor>();
  const vendorById = (id: string): CompiledVendor | undefined => {
    const known = byId.get(id) ?? lazy.get(id);
    if (known !== undefined) return known;
    const imported = catalog.imported.vendor(id);
    if (imported === undefined) return undefined;
    const compiled = compileImported(imported, undefined, mapCategory);
    lazy.set(id, compiled);
    return compiled;
  };

  return {
    vendors,
    vendorForHost(host) {
      const hit = hostMatcher(host);
      if (hit !== undefined) return hit;
      const info = catalog.imported.vendorForHost(host);
      return info === undefined ? undefined : vendorById(info.id);
    },
    vendorById,
    mapCategory,
  };
}

function compileImported(imported: ImportedVendor, rule: VendorRule | undefined, mapCategory: PolicyVendors["mapCategory"]): CompiledVendor {
  return {
    id: imported.id,
    name: rule?.name ?? imported.name,
    category: rule?.category ?? mapCategory(imported.category),
    scope: rule?.scope ?? "everywhere",
    hosts: rule === undefined ? imported.hosts : [...imported.hosts, ...rule.hosts],
    inline: [],
    privacyPolicy: rule?.privacyPolicy,
    declared: rule !== undefined,
    curated: false,
    source: "imported",
    googleTag: false,
    cookies: rule === undefined ? imported.cookies : [...imported.cookies, ...rule.cookies],
  };
}
