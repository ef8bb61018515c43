/**
 * The vendor catalog: the curated vendors (hand-written, with inline-snippet
 * signatures and privacy links) over thousands of imported trackers and
 * cookies. Curated vendors win for their hosts, every subdomain of them, and
 * their cookies; a policy's own rules win over both (src/policy/compile.ts).
 */
import type { CatalogData, CookieMatch, CuratedVendor } from "./catalog-format.ts";
import { createImportedCatalog, type CatalogVendorInfo, type CookieInfo, type ImportedCatalog } from "./imported-catalog.ts";

export interface Catalog {
  /** The curated vendors, sorted by id. */
  readonly vendors: readonly CuratedVendor[];
  /** A curated vendor by id. */
  curated(id: string): CuratedVendor | undefined;
  /** The imported trackers and cookies. */
  readonly imported: ImportedCatalog;
  /** Whether any catalog vendor, curated or imported, has this id. */
  has(id: string): boolean;
  /**
   * The vendor that owns a host, curated first: `a.b.mixpanel.com` → Mixpanel.
   * @example catalog.vendorForHost("api.mixpanel.com") // { id: "mixpanel", name: "Mixpanel", category: "analytics", curated: true }
   */
  vendorForHost(host: string): CatalogVendorInfo | undefined;
  /**
   * What the catalog knows about a cookie: a curated vendor's cookie first, then
   * an imported exact name, then the longest imported prefix.
   * @example catalog.cookieInfo("_gac_123") // { category: "analytics", platform: "Google Analytics", … }
   */
  cookieInfo(name: string): CookieInfo | undefined;
}

function labelWalk<T>(table: ReadonlyMap<string, T>, input: string): T | undefined {
  let host = input.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  for (;;) {
    const hit = table.get(host);
    if (hit !== undefined) return hit;
    const dot = host.indexOf(".");
    if (dot < 0) return undefined;
    host = host.slice(dot + 1);
  }
}

/** `curated` replaces the file's curated vendors (a hand-written file validated elsewhere). */
export function createCatalog(data: Pick<CatalogData, "curated" | "vendors" | "cookies">, curated: readonly CuratedVendor[] = data.curated): Catalog {
  const imported = createImportedCatalog(data);
  const byId = new Map(curated.map((v) => [v.id, v]));
  // Curated lookups are built now: 65 vendors, and every policy compiles against them.
  const hostInfo = new Map<string, CatalogVendorInfo>();
  const exactCookie = new Map<string, CookieInfo>();
  const patternCookies: { re: RegExp; info: CookieInfo }[] = [];
  for (const vendor of curated) {
    const info: CatalogVendorInfo = { id: vendor.id, name: vendor.name, category: vendor.category, curated: true };
    for (const host of vendor.hosts) if (!hostInfo.has(host)) hostInfo.set(host, info);
    for (const match of vendor.cookies) {
      const cookie = curatedCookieInfo(vendor, match);
      if (match.name !== undefined) {
        if (!exactCookie.has(match.name)) exactCookie.set(match.name, cookie);
      } else if (match.pattern !== undefined) patternCookies.push({ re: new RegExp(match.pattern), info: cookie });
    }
  }
  return {
    vendors: curated,
    curated: (id) => byId.get(id),
    imported,
    has: (id) => byId.has(id) || imported.vendor(id) !== undefined,
    vendorForHost: (host) => labelWalk(hostInfo, host) ?? imported.vendorForHost(host),
    cookieInfo(name) {
      const exact = exactCookie.get(name);
      if (exact !== undefined) return exact;
      for (const { re, info } of patternCookies) if (re.test(name)) return info;
      return imported.cookieInfo(name);
    },
  };
}

function curatedCookieInfo(vendor: CuratedVendor, match: CookieMatch): CookieInfo {
  const info: CookieInfo = { category: vendor.category, vendor: vendor.id, platform: vendor.name };
  if (match.retention !== undefined) info.retention = match.retention;
  if (match.purpose !== undefined) info.purpose = match.purpose;
  return info;
}

/**
 * Hand-written vendors completed from the generated file: the hosts the import
 * found for the same vendor, and purposes and retentions for cookies that have none.
 * Lets a caller that validates vendors.json itself get what the Worker gets.
 */
export function completeCurated(handWritten: readonly CuratedVendor[], generated: readonly CuratedVendor[]): CuratedVendor[] {
  const byId = new Map(generated.map((v) => [v.id, v]));
  const key = (c: CookieMatch) => (c.name === undefined ? `~${c.pattern}` : `=${c.name}`);
  return handWritten.map((vendor) => {
    const done = byId.get(vendor.id);
    if (done === undefined) return vendor;
    const cookies = new Map(done.cookies.map((c) => [key(c), c]));
    return {
      ...vendor,
      hosts: [...vendor.hosts, ...done.hosts.filter((h) => !vendor.hosts.includes(h))],
      cookies: vendor.cookies.map((c) => {
        const filled = cookies.get(key(c));
        const purpose = c.purpose ?? filled?.purpose;
        const retention = c.retention ?? filled?.retention;
        return { ...c, ...(purpose === undefined ? {} : { purpose }), ...(retention === undefined ? {} : { retention }) };
      }),
    };
  });
}
