/**
 * Reads the vendored sources (data/) into plain records, checking the shape the
 * import relies on: a renamed column or a new category stops the import with a
 * message instead of producing a quietly different catalog.
 */
import { csvObjects } from "./csv.ts";
import { mapAdguardCategory, mapOcdCategory } from "./category-map.ts";
import type { CatalogCategory } from "../../src/catalog/catalog-format.ts";

export interface OcdRow {
  /** The row's UUID in the Open Cookie Database. */
  id: string;
  platform: string;
  category: CatalogCategory;
  /** Cookie (or storage key) name; a prefix when `prefix` is set. */
  name: string;
  prefix: boolean;
  /** Where the cookie is set, as written ("google.com (3rd party)", ".linkedin.com", or empty). */
  domain: string;
  description: string;
  retention: string;
  controller: string;
}

export interface Tracker {
  key: string;
  name: string;
  /** The companiesdb category name (`advertising`, `site_analytics`, …). */
  sourceCategory: string;
  category: CatalogCategory | null;
  companyId: string | null;
}

export interface Companiesdb {
  trackers: ReadonlyMap<string, Tracker>;
  /** Tracker domain → tracker key. */
  domains: ReadonlyMap<string, string>;
  /** Company id → company name. */
  companies: ReadonlyMap<string, string>;
}

const OCD_COLUMNS = ["ID", "Platform", "Category", "Cookie / Data Key name", "Domain", "Description", "Retention period", "Data Controller", "User Privacy & GDPR Rights Portals", "Wildcard match"];

/** Collapses runs of white space (the sources hold tabs, line breaks and doubled spaces inside values). */
export const clean = (value: string): string => value.replace(/\s+/g, " ").trim();

/**
 * The retention text as written, its case settled where the text is a plain period:
 * `Session`, `Sessions` → `session`; `1 Year` → `1 year`; `Unknown` says nothing and becomes empty.
 * Anything longer stays as written.
 */
export function retentionText(value: string): string {
  const text = clean(value);
  if (/^unknown$/i.test(text)) return "";
  if (/^sessions?$/i.test(text)) return "session";
  if (/^\d+ [A-Za-z]+$/.test(text)) return text.toLowerCase();
  return text;
}

/**
 * A prefix this short matches unrelated cookies (Adform's `CT` would claim `CTX_session`):
 * it must have four characters, or three ending in a separator (`mp_`, `sb-`); shorter ones stay exact names.
 */
export function isUsablePrefix(prefix: string): boolean {
  return prefix.length >= 4 || (prefix.length === 3 && /[_\-.:]$/.test(prefix));
}

export function readOpenCookieDatabase(csv: string): OcdRow[] {
  const records = csvObjects(csv);
  const header = Object.keys(records[0] ?? {});
  for (const column of OCD_COLUMNS) {
    if (!header.includes(column)) throw new Error(`Open Cookie Database: column "${column}" is missing (found: ${header.join(", ")})`);
  }
  return records.flatMap((r) => {
    const name = clean(r["Cookie / Data Key name"]!);
    if (name === "") return [];
    const wildcard = r["Wildcard match"]!.trim();
    if (wildcard !== "0" && wildcard !== "1") throw new Error(`Open Cookie Database: row ${r.ID}: "Wildcard match" is "${wildcard}", not 0 or 1`);
    return [
      {
        id: r.ID!.trim(),
        platform: clean(r.Platform!),
        category: mapOcdCategory(clean(r.Category!)),
        name,
        prefix: wildcard === "1" && isUsablePrefix(name),
        domain: clean(r.Domain!),
        description: clean(r.Description!),
        retention: retentionText(r["Retention period"]!),
        controller: clean(r["Data Controller"]!),
      },
    ];
  });
}

interface TrackersJson {
  categories: Record<string, string>;
  trackers: Record<string, { name: string; categoryId: number | null; companyId: string | null }>;
  trackerDomains: Record<string, string>;
}

interface CompaniesJson {
  companies: Record<string, { name: string }>;
}

export function readCompaniesdb(trackersJson: string, companiesJson: string): Companiesdb {
  const data = JSON.parse(trackersJson) as TrackersJson;
  const companies = new Map(Object.entries((JSON.parse(companiesJson) as CompaniesJson).companies).map(([id, c]) => [id, clean(c.name)]));
  const trackers = new Map<string, Tracker>();
  for (const [key, t] of Object.entries(data.trackers)) {
    const sourceCategory = t.categoryId === null ? "unknown" : data.categories[String(t.categoryId)];
    if (sourceCategory === undefined) throw new Error(`companiesdb: tracker "${key}" has category id ${t.categoryId}, which "categories" does not list`);
    if (t.companyId !== null && !companies.has(t.companyId)) throw new Error(`companiesdb: tracker "${key}" names company "${t.companyId}", which companies.json lacks`);
    trackers.set(key, { key, name: clean(t.name) || key, sourceCategory, category: mapAdguardCategory(sourceCategory), companyId: t.companyId });
  }
  const domains = new Map<string, string>();
  for (const [domain, key] of Object.entries(data.trackerDomains)) {
    if (!trackers.has(key)) throw new Error(`companiesdb: domain "${domain}" names tracker "${key}", which "trackers" lacks`);
    domains.set(domain.toLowerCase(), key);
  }
  return { trackers, domains, companies };
}
