/**
 * POST /_consentry/storage-report: where the client guard reports the names a
 * page's scripts wrote (cookies by script, `localStorage`/`sessionStorage` keys,
 * IndexedDB databases) that the rules refused or that no rule names. ePrivacy
 * Art. 5(3) covers every kind of storage, and a name no rule knows is one the
 * policy should learn: each becomes one structured log line and a row in the
 * inventory (directive `storage`, the name where CSP rows hold a host), with the
 * category and vendor the policy or the catalog gives it, null when unknown.
 *
 * The guard posts from the site's own page: anything else (another site's page,
 * a script without Fetch Metadata or Origin) is dropped. The body is capped while
 * it streams, names per second are bounded per isolate, the inventory keeps its
 * row cap per policy. The answer is always 204.
 */
import type { Handler } from "hono";
import type { Logger } from "../enforce/report.ts";
import type { AppEnv } from "../env.ts";
import { inBackground } from "../http/background.ts";
import { readCapped } from "../http/read-capped.ts";
import { isSameOrigin } from "../http/same-origin.ts";
import type { CookieClassifier } from "../policy/cookie-classifier.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { storageClassifier } from "../policy/storage-classifier.ts";
import { recordInventory, type InventoryRow } from "./inventory-store.ts";
import { parseStorageReport } from "./parse-storage-report.ts";
import { MAX_INVENTORY_ROWS } from "./report-endpoint.ts";
import { ReportLimiter } from "./report-limiter.ts";

/** Twenty names of 64 characters and a path fit in well under this. */
export const MAX_STORAGE_REPORT_BYTES = 4 * 1024;

export interface StorageReportOptions {
  registry: PolicyRegistry;
  log: Logger;
  now: () => number;
}

export function storageReportEndpoint({ registry, log, now }: StorageReportOptions): Handler<AppEnv> {
  // Shares the inventory's row cap with CSP reports, with its own bucket: one kind of report cannot starve the other.
  const limiter = new ReportLimiter({ perSecond: 50, burst: 200, maxRows: MAX_INVENTORY_ROWS, now });
  const classifiers = new WeakMap<CompiledPolicy, CookieClassifier>();
  const done = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  return async (c) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const policy = registry.select(url.hostname, c.env?.POLICY);
    if (policy === undefined || !isSameOrigin(request)) return done();
    const text = await readCapped(request, MAX_STORAGE_REPORT_BYTES);
    const report = text === null ? null : parseStorageReport(text);
    if (report === null) return done();
    let classify = classifiers.get(policy);
    if (classify === undefined) classifiers.set(policy, (classify = storageClassifier(policy)));
    const page = new URL(report.path, url.origin);
    const route = policy.route(page).source;
    const rows: InventoryRow[] = [];
    for (const name of report.names) {
      if (!limiter.take()) break;
      const found = classify(name);
      // Consentry's own cookie is the edge's, HttpOnly: a script naming it tells the inventory nothing.
      if (found.source === "consentry") continue;
      const vendor = found.vendor ?? null;
      log(JSON.stringify({ consentry: "storage-reported", policy: policy.id, route, path: page.pathname, name, category: found.category, vendor, source: found.source }));
      if (limiter.admit(policy.id, `${name} storage ${route}`)) rows.push({ policy: policy.id, host: name, directive: "storage", route, category: found.category, vendor, count: 1 });
    }
    const db = c.env?.RECEIPTS;
    if (db !== undefined && rows.length > 0) {
      inBackground(
        c,
        recordInventory(db, rows, Math.floor(now() / 1000), MAX_INVENTORY_ROWS).catch((error: unknown) =>
          log(JSON.stringify({ consentry: "inventory-write-failed", error: String(error) })),
        ),
      );
    }
    return done();
  };
}
