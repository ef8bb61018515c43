/**
 * The imported part of the catalog (companiesdb trackers, Open Cookie Database
 * cookies) as lookups over the generated file's lines. Nothing is split or
 * indexed until the first lookup that needs it, so an isolate that never meets
 * an unknown host or cookie never pays for the tables; after that each lookup
 * is a few Map reads. No schema runs here: the import wrote and checked the data.
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

interface VendorTable {
  info: CatalogVendorInfo[];
  hostLists: string[][];
  byId: Map<string, number>;
  byHost: Map<string, number>;
}

interface CookieTable {
  exact: Map<string, CookieInfo>;
  /** Longest first, so the first match is the most specific. */
  prefixes: { prefix: string; info: CookieInfo }[];
  byVendor: Map<string, CookieMatch[]>;
  all: { name: string; prefix: boolean; info: CookieInfo }[];
}

export function createImportedCatalog(data: Pick<CatalogData, "vendors" | "cookies">): ImportedCatalog {
  let vendorTable: VendorTable | undefined;
  let cookieTable: CookieTable | undefined;

  const vendors = (): VendorTable => {
    if (vendorTable !== undefined) return vendorTable;
    const table: VendorTable = { info: [], hostLists: [], byId: new Map(), byHost: new Map() };
    for (const line of data.vendors.split("\n")) {
      const [name = "", id = "", code = "", hosts = ""] = line.split("\t");
      const i = table.info.length;
      const vendorId = id === "" ? toVendorId(name) : id;
      table.info.push({ id: vendorId, name, category: CATEGORY_BY_CODE.get(code) ?? null, curated: false });
      const hostList = hosts === "" ? [] : hosts.split(" ");
      table.hostLists.push(hostList);
      table.byId.set(vendorId, i);
      for (const host of hostList) table.byHost.set(host, i);
    }
    return (vendorTable = table);
  };

  const cookies = (): CookieTable => {
    if (cookieTable !== undefined) return cookieTable;
    const table: CookieTable = { exact: new Map(), prefixes: [], byVendor: new Map(), all: [] };
    for (const group of data.cookies) {
      const [head = "", ...lines] = group.split("\n");
      const [platform = "", vendor = ""] = head.split("\t");
      for (const line of lines) {
        const [name = "", kind, code = "", retention = "", purpose = ""] = line.split("\t");
        const info: CookieInfo = { category: CATEGORY_BY_CODE.get(code)!, platform };
        if (vendor !== "") info.vendor = vendor;
        if (retention !== "") info.retention = retention;
        if (purpose !== "") info.purpose = purpose;
        const prefix = kind === "*";
        table.all.push({ name, prefix, info });
        if (prefix) table.prefixes.push({ prefix: name, info });
        else table.exact.set(name, info);
        if (vendor !== "") {
          const match: CookieMatch = prefix ? { pattern: `^${escapeRegExp(name)}.*$` } : { name };
          if (info.purpose !== undefined) match.purpose = info.purpose;
          if (info.retention !== undefined) match.retention = info.retention;
          table.byVendor.set(vendor, [...(table.byVendor.get(vendor) ?? []), match]);
        }
      }
    }
    table.prefixes.sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1));
    return (cookieTable = table);
  };

  return {
    vendorForHost(input) {
      const { byHost, info } = vendors();
      let host = input.toLowerCase();
      if (host.endsWith(".")) host = host.slice(0, -1);
      for (;;) {
        const hit = byHost.get(host);
        if (hit !== undefined) return info[hit];
        const dot = host.indexOf(".");
        if (dot < 0) return undefined;
        host = host.slice(dot + 1);
      }
    },
    vendor(id) {
      const table = vendors();
      const i = table.byId.get(id);
      if (i === undefined) return undefined;
      const { name, category } = table.info[i]!;
      return { id, name, category, hosts: table.hostLists[i]!, cookies: cookies().byVendor.get(id) ?? [] };
    },
    cookieInfo(name) {
      const table = cookies();
      const exact = table.exact.get(name);
      if (exact !== undefined) return exact;
      for (const { prefix, info } of table.prefixes) if (name.startsWith(prefix)) return info;
      return undefined;
    },
    vendors: () => vendors().info,
    hosts: () => {
      const { byHost, info } = vendors();
      return [...byHost].map(([host, i]): [string, string] => [host, info[i]!.id]);
    },
    cookies: () => cookies().all,
  };
}
