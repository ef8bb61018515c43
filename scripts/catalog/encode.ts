/**
 * Writes the catalog model in the compact format of src/catalog/catalog-format.ts.
 */
import { CATEGORY_CODES, type CatalogData } from "../../src/catalog/catalog-format.ts";
import { toVendorId } from "../../src/catalog/vendor-id.ts";
import type { CatalogModel } from "./build-catalog.ts";

export const NOTICE =
  "Derived from AdGuard companiesdb (CC-BY-SA-4.0, built from WhoTracks.me data) and the Open Cookie Database (Apache-2.0); " +
  "this file is licensed CC-BY-SA-4.0. Sources, commits and attribution: data/README.md and src/catalog/generated/NOTICE.";

/** A value that would break the line format is a bug in the import, not something to escape. */
function field(value: string): string {
  if (/[\t\n\r]/.test(value)) throw new Error(`catalog: ${JSON.stringify(value)} holds a tab or a line break`);
  return value;
}

export function encodeCatalog(model: CatalogModel): CatalogData {
  const code = (category: keyof typeof CATEGORY_CODES | null) => (category === null ? "" : CATEGORY_CODES[category]);
  const vendors = model.vendors.map(
    (v) => `${field(v.name)}\t${toVendorId(v.name) === v.id ? "" : field(v.id)}\t${code(v.category)}\t${v.hosts.map(field).join(" ")}`,
  );
  const groups = new Map<string, string[]>();
  for (const c of model.cookies) {
    const head = `${field(c.platform)}\t${c.vendor ?? ""}`;
    const line = `${field(c.name)}\t${c.prefix ? "*" : "="}\t${code(c.category)}\t${field(c.retention ?? "")}\t${field(c.purpose ?? "")}`;
    groups.set(head, [...(groups.get(head) ?? []), line]);
  }
  return {
    version: 1,
    notice: NOTICE,
    curated: model.curated,
    vendors: vendors.join("\n"),
    cookies: [...groups].map(([head, lines]) => [head, ...lines].join("\n")),
  };
}

/** The JSON text: one key per line, the curated vendors indented for reading. */
export function serializeCatalog(data: CatalogData): string {
  return JSON.stringify(data, null, 1) + "\n";
}
