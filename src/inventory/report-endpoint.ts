/**
 * POST /_consentry/csp-report: where browsers report what the allowlist refused.
 * Each report is either a leak the rewriting missed (now stopped by the browser)
 * or a host the policy does not know yet. Every violation becomes one structured
 * log line and a count in the D1 inventory (host, directive, route; no paths, no
 * queries, nothing about the visitor), which `consentry report` summarises.
 *
 * Reports are attacker-controllable: the body is capped while it streams, the
 * number of violations per body and per second is bounded, and the inventory has
 * a row cap per policy. The answer is always 204, with nothing to learn from it.
 */
import type { Handler } from "hono";
import type { Logger } from "../enforce/report.ts";
import type { AppEnv } from "../env.ts";
import { inBackground } from "../http/background.ts";
import { readCapped } from "../http/read-capped.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { recordInventory, type InventoryRow } from "./inventory-store.ts";
import { parseViolations } from "./parse-report.ts";
import { ReportLimiter } from "./report-limiter.ts";

/** Larger bodies are cut off unread: a batch of a hundred reports fits easily. */
export const MAX_REPORT_BYTES = 64 * 1024;
/** Rows per policy in the inventory (CSP and storage reports together, per isolate and in D1). */
export const MAX_INVENTORY_ROWS = 5_000;

export interface ReportEndpointOptions {
  registry: PolicyRegistry;
  log: Logger;
  now: () => number;
}

export function reportEndpoint({ registry, log, now }: ReportEndpointOptions): Handler<AppEnv> {
  const limiter = new ReportLimiter({ perSecond: 50, burst: 200, maxRows: MAX_INVENTORY_ROWS, now });
  const done = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  return async (c) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const policy = registry.select(url.hostname, c.env?.POLICY);
    if (policy === undefined) return done();
    const text = await readCapped(request, MAX_REPORT_BYTES);
    if (text === null) return done();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return done();
    }
    const rows = new Map<string, InventoryRow>();
    for (const violation of parseViolations(request.headers.get("content-type") ?? "", body, url.origin)) {
      if (!limiter.take()) break;
      const route = policy.route(violation.documentUrl).source;
      const vendor = policy.vendorForHost(violation.host) ?? null;
      const key = `${violation.host} ${violation.directive} ${route}`;
      log(
        JSON.stringify({
          consentry: "csp-violation",
          policy: policy.id,
          route,
          path: violation.documentUrl.pathname,
          host: violation.host,
          directive: violation.directive,
          disposition: violation.disposition,
          vendor: vendor?.id ?? null,
          category: vendor?.category ?? null,
        }),
      );
      if (!limiter.admit(policy.id, key)) continue;
      const row = rows.get(key);
      if (row !== undefined) row.count += 1;
      else rows.set(key, { policy: policy.id, host: violation.host, directive: violation.directive, route, category: vendor?.category ?? null, vendor: vendor?.id ?? null, count: 1 });
    }
    const db = c.env?.RECEIPTS;
    if (db !== undefined && rows.size > 0) {
      inBackground(
        c,
        recordInventory(db, [...rows.values()], Math.floor(now() / 1000), MAX_INVENTORY_ROWS).catch((error: unknown) =>
          log(JSON.stringify({ consentry: "inventory-write-failed", error: String(error) })),
        ),
      );
    }
    return done();
  };
}
