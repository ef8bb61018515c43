/**
 * The import itself, as one pure function: the vendored sources and the
 * curated vendors in, the catalog and its figures out. Every list is sorted
 * before it is used, so the same input gives the same bytes.
 *
 * Precedence, highest first: the curated vendors (their hosts, every subdomain
 * of them, and their cookies), then companiesdb for hosts and vendors, then the
 * Open Cookie Database for cookies. A policy's own rules stand above all of it.
 */
import { createHostMatcher } from "../../src/policy/host-matcher.ts";
import type { CatalogCategory, CookieMatch, CuratedVendor } from "../../src/catalog/catalog-format.ts";
import { createJoiner, type JoinRule, type JoinTarget } from "./join.ts";
import { readCompaniesdb, readOpenCookieDatabase, type OcdRow, type Tracker } from "./sources.ts";
import { assignVendorIds } from "./vendor-ids.ts";

export interface CatalogSources {
  openCookieDatabaseCsv: string;
  trackersJson: string;
  companiesJson: string;
  /** src/catalog/vendors.json, validated. */
  curated: readonly CuratedVendor[];
}

export interface ImportedVendor {
  id: string;
  name: string;
  category: CatalogCategory | null;
  hosts: string[];
}

export interface ImportedCookie {
  name: string;
  prefix: boolean;
  category: CatalogCategory;
  platform: string;
  vendor: string | undefined;
  retention: string | undefined;
  purpose: string | undefined;
}

export interface CatalogModel {
  curated: CuratedVendor[];
  vendors: ImportedVendor[];
  cookies: ImportedCookie[];
  stats: ImportStats;
}

export interface ImportStats {
  trackers: number;
  trackerDomains: number;
  ocdRows: number;
  /** Domains under a curated vendor's host: the curated vendor answers for them. */
  domainsUnderCurated: number;
  /** Domains of a tracker that is a curated vendor (same id), added to that vendor's hosts. */
  domainsAddedToCurated: number;
  /** Subdomains of a domain of the same tracker: the label walk already finds them. */
  domainsRedundant: number;
  /** Trackers left with neither a host nor a cookie. */
  trackersDropped: number;
  /** OCD rows a curated cookie already covers. */
  rowsUnderCurated: number;
  /** OCD rows that repeat a name another row has (the stricter category is kept). */
  rowsDuplicate: number;
  /** OCD rows joined to a vendor, by rule. */
  joined: Record<JoinRule, number>;
  /** Curated cookies given a purpose or a retention from the Open Cookie Database. */
  curatedCookiesFilled: number;
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** For rows that name one cookie twice: the category least often allowed wins. */
const STRICTNESS: Record<CatalogCategory, number> = { necessary: 0, security: 1, functional: 2, analytics: 3, marketing: 4 };

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `a.b.example.com` → `b.example.com`, `example.com`, `com`. */
function parents(host: string): string[] {
  const out: string[] = [];
  for (let dot = host.indexOf("."); dot >= 0; dot = host.indexOf(".", dot + 1)) out.push(host.slice(dot + 1));
  return out;
}

const patterns = new Map<string, RegExp>();

/** Whether a curated cookie rule covers an OCD row: the same exact name, or a pattern the name (or prefix) fits. */
function covers(match: CookieMatch, row: OcdRow): boolean {
  if (match.name !== undefined) return !row.prefix && match.name === row.name;
  let re = patterns.get(match.pattern!);
  if (re === undefined) patterns.set(match.pattern!, (re = new RegExp(match.pattern!)));
  return row.prefix ? re.test(row.name) || re.test(`${row.name}0`) || re.test(`${row.name}x`) : re.test(row.name);
}

/** One value when every candidate agrees on it, else undefined: a pattern covering several cookies with different purposes gets none. */
function agreed(values: readonly string[]): string | undefined {
  const distinct = new Set(values.filter((v) => v !== ""));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

export function buildCatalog(sources: CatalogSources): CatalogModel {
  const source = readCompaniesdb(sources.trackersJson, sources.companiesJson);
  const rows = readOpenCookieDatabase(sources.openCookieDatabaseCsv).sort(
    (a, b) => byString(a.platform, b.platform) || byString(a.name, b.name) || Number(a.prefix) - Number(b.prefix) || byString(a.id, b.id),
  );
  // Copied field by field: a fixed key order, and notes (for whoever edits vendors.json) left behind.
  const curated: (CuratedVendor & { hosts: string[]; cookies: CookieMatch[] })[] = [...sources.curated]
    .sort((a, b) => byString(a.id, b.id))
    .map((v) => ({
      id: v.id,
      name: v.name,
      category: v.category,
      hosts: [...v.hosts],
      cookies: v.cookies.map((c) => ({ ...c })),
      inline: [...v.inline],
      privacyPolicy: v.privacyPolicy,
      ...(v.googleTag === true ? { googleTag: true } : {}),
    }));
  const curatedIds = new Set(curated.map((v) => v.id));

  const trackerKeys = [...source.trackers.keys()].sort(byString);
  const { ids, reserved } = assignVendorIds(trackerKeys, curatedIds);

  const stats: ImportStats = {
    trackers: source.trackers.size,
    trackerDomains: source.domains.size,
    ocdRows: rows.length,
    domainsUnderCurated: 0,
    domainsAddedToCurated: 0,
    domainsRedundant: 0,
    trackersDropped: 0,
    rowsUnderCurated: 0,
    rowsDuplicate: 0,
    joined: { "platform-curated": 0, "platform-tracker": 0, "platform-company": 0, domain: 0 },
    curatedCookiesFilled: 0,
  };

  // Hosts. First the domains of trackers that are curated vendors (same id) join those vendors;
  // then every other domain goes to its tracker unless a curated host already covers it.
  const curatedById = new Map(curated.map((v) => [v.id, v]));
  const handWrittenHost = createHostMatcher(curated.flatMap((v) => v.hosts.map((h) => [h, v.id] as const)));
  const domains = [...source.domains.keys()].sort(byString);
  const redundant = (domain: string) => parents(domain).some((parent) => source.domains.get(parent) === source.domains.get(domain));
  for (const domain of domains) {
    if (!HOST.test(domain)) throw new Error(`companiesdb: "${domain}" is not a host name`);
    const sameAsCurated = reserved.get(source.domains.get(domain)!);
    if (sameAsCurated === undefined || handWrittenHost(domain) !== undefined || redundant(domain)) continue;
    curatedById.get(sameAsCurated)!.hosts.push(domain);
    stats.domainsAddedToCurated += 1;
  }
  const curatedHost = createHostMatcher(curated.flatMap((v) => v.hosts.map((h) => [h, v.id] as const)));
  const hostsOf = new Map<string, string[]>();
  for (const domain of domains) {
    const key = source.domains.get(domain)!;
    if (reserved.has(key)) {
      if (handWrittenHost(domain) !== undefined) stats.domainsUnderCurated += 1;
      else if (redundant(domain)) stats.domainsRedundant += 1;
    } else if (curatedHost(domain) !== undefined) stats.domainsUnderCurated += 1;
    else if (redundant(domain)) stats.domainsRedundant += 1;
    else hostsOf.set(key, [...(hostsOf.get(key) ?? []), domain]);
  }

  const candidates = new Map<string, JoinTarget & { tracker: Tracker }>();
  for (const key of trackerKeys) {
    const id = ids.get(key);
    if (id !== undefined) candidates.set(key, { id, name: source.trackers.get(key)!.name, tracker: source.trackers.get(key)! });
  }
  const vendorOfHost = createHostMatcher([
    ...curated.flatMap((v) => v.hosts.map((h) => [h, v.id] as const)),
    ...[...hostsOf].flatMap(([key, hosts]) => hosts.map((h) => [h, candidates.get(key)!.id] as const)),
  ]);
  const joiner = createJoiner({ curated, imported: candidates, source, vendorForHost: vendorOfHost });

  // Cookies: rows a curated cookie covers complete that cookie; the others are imported.
  const coveredRows = new Map<CookieMatch, OcdRow[]>();
  const cookieKey = (row: OcdRow) => `${row.prefix ? "*" : "="}${row.name}`;
  const imported = new Map<string, ImportedCookie>();
  for (const row of rows) {
    const owner = curated.find((v) => v.cookies.some((c) => covers(c, row)));
    if (owner !== undefined) {
      stats.rowsUnderCurated += 1;
      for (const match of owner.cookies) if (covers(match, row)) coveredRows.set(match, [...(coveredRows.get(match) ?? []), row]);
      continue;
    }
    const joined = joiner.join(row);
    if (joined !== undefined) stats.joined[joined.rule] += 1;
    // A curated vendor's category wins for every cookie joined to it, as it does in a compiled policy.
    const curatedOwner = joined === undefined ? undefined : curatedById.get(joined.id);
    const cookie: ImportedCookie = {
      name: row.name,
      prefix: row.prefix,
      category: curatedOwner?.category ?? row.category,
      platform: row.platform,
      vendor: joined?.id,
      retention: row.retention === "" ? undefined : row.retention,
      purpose: row.description === "" ? undefined : row.description,
    };
    const key = cookieKey(row);
    const earlier = imported.get(key);
    if (earlier !== undefined) {
      stats.rowsDuplicate += 1;
      if (STRICTNESS[cookie.category] <= STRICTNESS[earlier.category]) continue;
    }
    imported.set(key, cookie);
  }
  for (const vendor of curated) {
    vendor.cookies = vendor.cookies.map((match) => {
      const covered = coveredRows.get(match) ?? [];
      // Rows of this vendor's platform first; another platform's row with the same name describes another cookie.
      const own = covered.filter((row) => joiner.join(row)?.id === vendor.id);
      const pool = own.length > 0 ? own : covered;
      const purpose = match.purpose ?? agreed(pool.map((r) => r.description));
      const retention = match.retention ?? agreed(pool.map((r) => r.retention));
      if (purpose !== match.purpose || retention !== match.retention) stats.curatedCookiesFilled += 1;
      return { ...match, ...(purpose === undefined ? {} : { purpose }), ...(retention === undefined ? {} : { retention }) };
    });
  }

  const cookies = [...imported.values()];
  const withCookies = new Set(cookies.map((c) => c.vendor).filter((id) => id !== undefined));
  const vendors: ImportedVendor[] = [];
  for (const [key, candidate] of candidates) {
    const hosts = hostsOf.get(key) ?? [];
    if (hosts.length === 0 && !withCookies.has(candidate.id)) {
      stats.trackersDropped += 1;
      continue;
    }
    vendors.push({ id: candidate.id, name: candidate.name, category: candidate.tracker.category, hosts });
  }
  vendors.sort((a, b) => byString(a.id, b.id));
  cookies.sort((a, b) => byString(a.platform, b.platform) || byString(a.vendor ?? "", b.vendor ?? "") || byString(a.name, b.name) || Number(a.prefix) - Number(b.prefix));
  return { curated, vendors, cookies, stats };
}
