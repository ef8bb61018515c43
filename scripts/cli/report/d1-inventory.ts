/**
 * The D1 host inventory as `wrangler d1 execute --json` prints it:
 * `[{ "results": [{ "policy": …, "host": …, … }], "success": true, "meta": … }]`.
 * `consentry report --d1 DB` runs wrangler (./d1-query.ts); `--d1-json FILE` reads its
 * saved output. Pure, so the Worker tests read the fixture with it too.
 */
import type { InventoryRecord } from "./summarise.ts";

/** The columns src/inventory/inventory-store.ts writes; timestamps are left out of the summary. */
export const INVENTORY_SQL = "SELECT policy, host, directive, route, category, vendor, count FROM host_inventory ORDER BY count DESC, host";

export function parseInventory(text: string): InventoryRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not the JSON wrangler d1 execute --json prints: ${(error as Error).message}`);
  }
  const results = (Array.isArray(value) ? value : [value]).flatMap((v) => (isRecord(v) && Array.isArray(v.results) ? (v.results as unknown[]) : []));
  const rows: InventoryRecord[] = [];
  for (const r of results) {
    if (!isRecord(r) || typeof r.host !== "string" || typeof r.policy !== "string") continue;
    rows.push({
      policy: r.policy,
      host: r.host,
      directive: typeof r.directive === "string" ? r.directive : "(unknown)",
      route: typeof r.route === "string" ? r.route : "(unknown)",
      category: typeof r.category === "string" ? r.category : null,
      vendor: typeof r.vendor === "string" ? r.vendor : null,
      count: typeof r.count === "number" && Number.isFinite(r.count) ? r.count : 1,
    });
  }
  return rows;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
