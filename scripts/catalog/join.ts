/**
 * Which vendor an Open Cookie Database row belongs to, where that can be told
 * reliably. The Open Cookie Database names a platform and a data controller in
 * free text; companiesdb names trackers and companies. A row joins a vendor only
 * on an exact match of names (case, spaces and punctuation aside), or on its
 * cookie domain when the domain's tracker belongs to the row's controller;
 * anything looser would put cookies under the wrong vendor, so the rest keep only
 * their platform name.
 */
import type { Companiesdb, OcdRow } from "./sources.ts";

export interface JoinTarget {
  id: string;
  name: string;
}

export type JoinRule = "platform-curated" | "platform-tracker" | "platform-company" | "domain";

export interface Joiner {
  /** The vendor id a row belongs to and the rule that found it, or undefined. */
  join(row: OcdRow): { id: string; rule: JoinRule } | undefined;
}

/** `Google Analytics`, `google-analytics` and `GoogleAnalytics` are the same name. */
export const nameKey = (name: string): string =>
  name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/** Host names in an OCD Domain cell: `.linkedin.com`, `adform.net (3rd party)`, `.bing.com (3rd party) or .microsoft.com (3rd party)`. */
export function domainsIn(cell: string): string[] {
  return cell
    .toLowerCase()
    .replace(/\(3rd party\)/g, " ")
    .split(/\s+or\s+|[\s,;]+/)
    .map((d) => d.replace(/^\.+|\.+$/g, ""))
    .filter((d) => /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(d));
}

/** The value of a map whose key is unique for it, else undefined (two vendors with one name are no answer). */
function uniqueIndex<T>(entries: Iterable<readonly [string, T]>): Map<string, T> {
  const index = new Map<string, T>();
  const clash = new Set<string>();
  for (const [key, value] of entries) {
    if (key === "") continue;
    if (index.has(key) && index.get(key) !== value) clash.add(key);
    else index.set(key, value);
  }
  for (const key of clash) index.delete(key);
  return index;
}

export function createJoiner(input: {
  curated: readonly JoinTarget[];
  /** Imported vendors by tracker key (only trackers that made it into the catalog). */
  imported: ReadonlyMap<string, JoinTarget>;
  source: Companiesdb;
  /** Host → vendor id, curated first, for the domain rule (a label walk). */
  vendorForHost: (host: string) => string | undefined;
}): Joiner {
  const { curated, imported, source } = input;
  const curatedByName = uniqueIndex(curated.flatMap((v) => [[nameKey(v.name), v.id] as const, [nameKey(v.id), v.id] as const]));
  const trackerByName = uniqueIndex([...imported].map(([, v]) => [nameKey(v.name), v.id] as const));
  // A company that runs exactly one tracker in the catalog: its name identifies that tracker.
  const trackersOfCompany = new Map<string, string[]>();
  for (const [key, vendor] of imported) {
    const company = source.trackers.get(key)?.companyId;
    if (company == null) continue;
    trackersOfCompany.set(company, [...(trackersOfCompany.get(company) ?? []), vendor.id]);
  }
  const companyByName = uniqueIndex([...source.companies].map(([id, name]) => [nameKey(name), id] as const));
  const companyOfVendor = new Map<string, string>();
  for (const [key, vendor] of imported) {
    const company = source.trackers.get(key)?.companyId;
    if (company != null) companyOfVendor.set(vendor.id, company);
  }

  return {
    join(row) {
      const platform = nameKey(row.platform);
      const byCurated = curatedByName.get(platform);
      if (byCurated !== undefined) return { id: byCurated, rule: "platform-curated" };
      const byTracker = trackerByName.get(platform);
      if (byTracker !== undefined) return { id: byTracker, rule: "platform-tracker" };
      const company = companyByName.get(platform);
      const only = company === undefined ? undefined : trackersOfCompany.get(company);
      if (only?.length === 1) return { id: only[0]!, rule: "platform-company" };
      // The cookie's domain names a tracker; trust it only when the row's controller runs that tracker.
      const controller = companyByName.get(nameKey(row.controller));
      if (controller === undefined) return undefined;
      for (const host of domainsIn(row.domain)) {
        const id = input.vendorForHost(host);
        if (id !== undefined && companyOfVendor.get(id) === controller) return { id, rule: "domain" };
      }
      return undefined;
    },
  };
}
