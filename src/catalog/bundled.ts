/**
 * The catalog the Worker bundles: the generated catalog as the build trims it
 * for the bundled policies (scripts/worker-catalog.ts: every host, cookie name,
 * category and vendor; purposes and retention only where a policy's pages show
 * them; no cookie platforms). Tooling and tests use the whole catalog
 * (src/catalog/lookup.ts); test/catalog/bundled.test.ts holds the two together.
 */
import generated from "../generated/catalog.json" with { type: "json" };
import type { CatalogData } from "./catalog-format.ts";
import { createCatalog, type Catalog } from "./catalog.ts";

export const catalog: Catalog = createCatalog(generated as CatalogData);
