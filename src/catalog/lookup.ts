/**
 * The catalog the Worker uses, read from the generated file
 * (src/catalog/generated/catalog.json, written by `npm run import:catalog`).
 * Importing this module parses a few string literals; the imported tables are
 * split and indexed on the first lookup that needs them.
 *
 * @example
 * import { catalog } from "./catalog/lookup.ts";
 * catalog.vendorForHost("api.mixpanel.com"); // { id: "mixpanel", name: "Mixpanel", category: "analytics", curated: true }
 * catalog.cookieInfo("_fbp");                // { category: "marketing", vendor: "meta-pixel", retention: "3 months", … }
 */
import generated from "./generated/catalog.json" with { type: "json" };
import type { CatalogData } from "./catalog-format.ts";
import { createCatalog, type Catalog } from "./catalog.ts";

/** The generated file, typed: the import script wrote it from these types. */
export const catalogData = generated as CatalogData;

export const catalog: Catalog = createCatalog(catalogData);

/** The vendor that owns a host, curated first (a label walk: `a.b.mixpanel.com` → `mixpanel.com`). */
export const vendorForHost = (host: string) => catalog.vendorForHost(host);

/** What the catalog knows about a cookie name: curated first, then an exact imported name, then the longest prefix. */
export const cookieInfo = (name: string) => catalog.cookieInfo(name);
