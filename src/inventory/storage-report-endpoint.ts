/**
 * POST /_consentry/storage-report: where the client guard reports storage names
 * (cookies by script, `localStorage`/`sessionStorage` keys, IndexedDB databases):
 * the names its rules refused and, where the policy lets unknown names pass
 * (`unknownCookies: "allow"`), the names it let pass without a rule listing them.
 * ePrivacy Art. 5(3) covers every kind of storage. Each name is judged here by the
 * policy, the catalog and the request's own decision (consent cookie, GPC,
 * jurisdiction: the proxy's `judgeCookie`), and only what an auditor needs is kept:
 * - a name refused (its category not allowed, or unknown where unknown names are
 *   blocked): `action: "refused"`, the decision's reason (`unknown` for a name no
 *   rule names), inventory directive `storage`;
 * - an unknown name the rules let pass (stored on the device, attributed to no
 *   category): `action: "allowed"`, reason `unknown`, directive `storage-allowed`;
 * - a name the decision allows (required, consented, opt-out default) is dropped:
 *   it was no refusal, and the policy accounts for it.
 * Each kept name is one structured log line and a row in the inventory (the name where
 * CSP rows hold a host), with the category and vendor the policy or the catalog gives it.
 *
 * The guard posts from the site's own page: anything else (another site's page,
 * a script without Fetch Metadata or Origin) is dropped. The body is capped while
 * it streams, names per second are bounded per isolate, the inventory keeps its
 * row cap per policy. The answer is always 204.
 */
import type { Handler } from "hono";
import type { Decision } from "../decision/decide.ts";
import { decideFor, readSignals } from "../decision/request-decision.ts";
import { judgeCookie } from "../enforce/judge-cookie.ts";
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
    const compiledRoute = policy.route(page);
    const route = compiledRoute.source;
    let decision: Decision;
    try {
      // The page's own decision, as the proxy made it for that page: its route, this request's consent cookie, GPC and country.
      decision = decideFor(policy, compiledRoute, await readSignals(request, c.env ?? {}, policy, now()));
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: "storage-report", error: String(error) }));
      return done();
    }
    const rows: InventoryRow[] = [];
    for (const name of report.names) {
      if (!limiter.take()) break;
      const found = classify(name);
      // Consentry's own cookie is the edge's, HttpOnly: a script naming it tells the inventory nothing.
      if (found.source === "consentry") continue;
      const verdict = judgeCookie(name, { policy, decision, route: compiledRoute }, classify);
      // Allowed and attributed (required, consented, opt-out default): accounted for by the policy.
      if (verdict.allowed && (verdict.own === true || found.category !== null)) continue;
      const action = verdict.allowed ? "allowed" : "refused";
      const reason = verdict.allowed ? "unknown" : verdict.reason;
      const vendor = found.vendor ?? null;
      log(JSON.stringify({ consentry: "storage-reported", policy: policy.id, route, path: page.pathname, name, category: found.category, vendor, source: found.source, reason, action }));
      const directive = verdict.allowed ? "storage-allowed" : "storage";
      if (limiter.admit(policy.id, `${name} ${directive} ${route}`)) rows.push({ policy: policy.id, host: name, directive, route, category: found.category, vendor, count: 1 });
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
