/**
 * The imported part of the catalog (companiesdb trackers, Open Cookie Database
 * cookies) as lookups over the generated file's lines. Nothing is split or
 * indexed until the first lookup that needs it, and then only what that lookup
 * needs: the host index splits each vendor line's host column, the cookie index
 * each cookie's name; names, ids and purposes are read from a line only when a
 * lookup lands on it. No schema runs here: the import wrote and checked the data.
 */
import { CATEGORY_CODES, type CatalogCategory, type CatalogData, type CookieMatch } from "./catalog-format.ts";
import { toVendorId } from "./vendor-id.ts";

/** What the catalog knows about a host's owner. */
export interface CatalogVendorInfo {
  id: string;
  name: string;
  /** null: a known tracker whose purpose the sources do not say (refused until a policy classifies it). */
  category: CatalogCategory | null;
  /** From the hand-written vendors (src/catalog/vendors.json) rather than the imported data. */
  curated: boolean;
}

/** What the catalog knows about a cookie name. */
export interface CookieInfo {
  category: CatalogCategory;
  /** The vendor that sets it, when the sources say so reliably. */
  vendor?: string;
  /** The product or platform that sets it, as the source names it ("WordPress", "Google Analytics"). */
  platform: string;
  /** How long it lives, as the source says it ("2 years", "session"). */
  retention?: string;
  /** What it is for (the Open Cookie Database's description). */
  purpose?: string;
}

/** An imported vendor in full, for a policy that names it. */
export interface ImportedVendor {
  id: string;
  name: string;
  category: CatalogCategory | null;
  hosts: readonly string[];
  /** The cookies joined to it; an Open Cookie Database prefix becomes a `^prefix.*$` pattern. */
  cookies: readonly CookieMatch[];
}

export interface ImportedCatalog {
  /** Label walk over the imported hosts: `a.b.example.com`, `b.example.com`, `example.com`. */
  vendorForHost(host: string): CatalogVendorInfo | undefined;
  vendor(id: string): ImportedVendor | undefined;
  /** An exact name first, then the longest prefix. */
  cookieInfo(name: string): CookieInfo | undefined;
  /** Every imported vendor, sorted by id (for figures, reports and tests). */
  vendors(): readonly CatalogVendorInfo[];
  /** Every imported host with its vendor's id. */
  hosts(): [host: string, vendor: string][];
  /** Every imported cookie entry: a name, or a prefix when `prefix` is set. */
  cookies(): { name: string; prefix: boolean; info: CookieInfo }[];
}

const CATEGORY_BY_CODE = new Map<string, CatalogCategory>(Object.entries(CATEGORY_CODES).map(([category, code]) => [code, category as CatalogCategory]));

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/** A cookie line and the group (platform, vendor) it belongs to, parsed when a lookup lands on it. */
interface CookieRef {
  /** Position in the file, so listings keep the file's order. */
  order: number;
  group: number;
  line: string;
  info?: CookieInfo;
}

interface CookieIndex {
  exact: Map<string, CookieRef>;
  /** Longest first, so the first match is the most specific. */
  prefixes: { prefix: string; ref: CookieRef }[];
  /** Each group's platform and vendor id. */
  heads: [platform: string, vendor: string][];
}

export function createImportedCatalog(data: Pick<CatalogData, "vendors" | "cookies">): ImportedCatalog {
  let lines: string[] | undefined;
  let byHost: Map<string, number> | undefined;
  const infos: CatalogVendorInfo[] = [];
  let cookieIndex: CookieIndex | undefined;
  let byVendor: Map<string, CookieMatch[]> | undefined;

  let vendorText: string | undefined;
  /** `data.vendors`, read once (a caller's getter may unpack it). */
  const vendorsOf = () => (vendorText ??= data.vendors);
  const vendorLines = () => (lines ??= vendorsOf().split("\n"));

  const info = (i: number): CatalogVendorInfo => {
    let found = infos[i];
    if (found === undefined) {
      const [name = "", id = "", code = ""] = vendorLines()[i]!.split("\t");
      found = infos[i] = { id: id === "" ? toVendorId(name) : id, name, category: CATEGORY_BY_CODE.get(code) ?? null, curated: false };
    }
    return found;
  };

  const hostsOf = (i: number): string[] => {
    const line = vendorLines()[i]!;
    const column = line.slice(line.lastIndexOf("\t") + 1);
    return column === "" ? [] : column.split(" ");
  };

  /**
   * Scans the vendor lines' host columns in place (indexOf and slice, no arrays of
   * lines or hosts): in an isolate's cold code this builds the index in about a
   * third of the time of splitting (bench/startup-steps.ts). Line numbers are
   * those of `vendorLines()`.
   */
  const hostIndex = (): Map<string, number> => {
    if (byHost !== undefined) return byHost;
    byHost = new Map();
    const text = vendorsOf();
    for (let start = 0, line = 0; start <= text.length; line++) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      // The host column is what follows the line's last tab, split on spaces as `hostsOf` splits it.
      const tab = text.lastIndexOf("\t", end - 1);
      for (let from = tab < start ? start : tab + 1; from < end; ) {
        let space = text.indexOf(" ", from);
        if (space < 0 || space > end) space = end;
        byHost.set(text.slice(from, space), line);
        if (space === end) break;
        from = space + 1;
        if (from === end) byHost.set("", line);
      }
      start = end + 1;
    }
    return byHost;
  };

  /** Lines are sorted by id: a binary search reads a dozen ids instead of indexing thousands. */
  const indexOfId = (id: string): number => {
    let low = 0;
    let high = vendorLines().length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const probe = info(middle).id;
      if (probe === id) return middle;
      if (probe < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };

  /** Scans each group's lines in place, as `hostIndex` does. */
  const cookies = (): CookieIndex => {
    if (cookieIndex !== undefined) return cookieIndex;
    const index: CookieIndex = { exact: new Map(), prefixes: [], heads: [] };
    const groups = data.cookies;
    for (let group = 0; group < groups.length; group++) {
      const text = groups[group]!;
      let end = text.indexOf("\n");
      if (end < 0) end = text.length;
      const head = text.slice(0, end);
      const tab = head.indexOf("\t");
      index.heads.push([head.slice(0, tab), head.slice(tab + 1)]);
      for (let start = end + 1; start <= text.length; start = end + 1) {
        end = text.indexOf("\n", start);
        if (end < 0) end = text.length;
        const line = text.slice(start, end);
        const tab = line.indexOf("\t");
        const ref: CookieRef = { order: index.exact.size + index.prefixes.length, group, line };
        if (line[tab + 1] === "*") index.prefixes.push({ prefix: line.slice(0, tab), ref });
        else index.exact.set(line.slice(0, tab), ref);
      }
    }
    index.prefixes.sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
    return (cookieIndex = index);
  };

  const cookieInfoOf = (ref: CookieRef): CookieInfo => {
    if (ref.info !== undefined) return ref.info;
    const [platform, vendor] = cookies().heads[ref.group]!;
    const [, , code = "", retention = "", purpose = ""] = ref.line.split("\t");
    const info: CookieInfo = { category: CATEGORY_BY_CODE.get(code)!, platform };
    if (vendor !== "") info.vendor = vendor;
    if (retention !== "") info.retention = retention;
    if (purpose !== "") info.purpose = purpose;
    return (ref.info = info);
  };

  const allCookies = () => {
    const { exact, prefixes } = cookies();
    return [
      ...[...exact].map(([name, ref]) => ({ name, prefix: false, ref })),
      ...prefixes.map(({ prefix, ref }) => ({ name: prefix, prefix: true, ref })),
    ].sort((a, b) => a.ref.order - b.ref.order);
  };

  const cookiesOfVendor = (id: string): CookieMatch[] => {
    if (byVendor === undefined) {
      byVendor = new Map();
      for (const { name, prefix, ref } of allCookies()) {
        const cookie = cookieInfoOf(ref);
        if (cookie.vendor === undefined) continue;
        const match: CookieMatch = prefix ? { pattern: `^${escapeRegExp(name)}.*$` } : { name };
        if (cookie.purpose !== undefined) match.purpose = cookie.purpose;
        if (cookie.retention !== undefined) match.retention = cookie.retention;
        byVendor.set(cookie.vendor, [...(byVendor.get(cookie.vendor) ?? []), match]);
      }
    }
    return byVendor.get(id) ?? [];
  };

  return {
    vendorForHost(input) {
      const table = hostIndex();
      let host = input.toLowerCase();
      if (host.endsWith(".")) host = host.slice(0, -1);
      for (;;) {
        const hit = table.get(host);
        if (hit !== undefined) return info(hit);
        const dot = host.indexOf(".");
        if (dot < 0) return undefined;
        host = host.slice(dot + 1);
      }
    },
    vendor(id) {
      const i = indexOfId(id);
      if (i < 0) return undefined;
      const { name, category } = info(i);
      return { id, name, category, hosts: hostsOf(i), cookies: cookiesOfVendor(id) };
    },
    cookieInfo(name) {
      const { exact, prefixes } = cookies();
      const ref = exact.get(name);
      if (ref !== undefined) return cookieInfoOf(ref);
      for (const { prefix, ref } of prefixes) if (name.startsWith(prefix)) return cookieInfoOf(ref);
      return undefined;
    },
    vendors: () => vendorLines().map((_, i) => info(i)),
    hosts: () => [...hostIndex()].map(([host, i]): [string, string] => [host, info(i).id]),
    cookies: () => allCookies().map(({ name, prefix, ref }) => ({ name, prefix, info: cookieInfoOf(ref) })),
  };
}
