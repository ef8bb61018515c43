/**
 * The Worker. Policies and the catalog are validated and compiled here, once per
 * isolate, when the module loads: a broken policy stops the Worker from starting
 * (and `wrangler deploy` from succeeding), never a visitor's request.
 */
import { createApp } from "./app.ts";
import { createPageRewriter } from "./html/page-rewriter.ts";
import vendors from "./catalog/vendors.json" with { type: "json" };
import { POLICY_FILES } from "./generated/policies.ts";
import { loadCatalog } from "./policy/load.ts";
import { createRegistry } from "./policy/registry.ts";

export const catalog = loadCatalog("src/catalog/vendors.json", vendors);
export const registry = createRegistry(POLICY_FILES, catalog);

export default createApp({ registry, transformHtml: createPageRewriter() });
