/**
 * The host inventory in D1: one row per (policy, host, directive, route) with a
 * count and when it was first and last seen, upserted in one batch per report
 * request. Rows already past the cap are updated, never added (the cap is also
 * checked against the table, so isolates together stay bounded).
 */
import { ensureSchema } from "../receipts/receipt-store.ts";
import type { InventoryRow } from "./inventory-row.ts";

export type { InventoryRow };

const UPSERT =
  "INSERT INTO host_inventory (policy, host, directive, route, category, vendor, count, first_seen, last_seen) " +
  "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8 WHERE (SELECT COUNT(*) FROM host_inventory WHERE policy = ?1) < ?9 " +
  "OR EXISTS (SELECT 1 FROM host_inventory WHERE policy = ?1 AND host = ?2 AND directive = ?3 AND route = ?4) " +
  "ON CONFLICT (policy, host, directive, route) DO UPDATE SET count = count + excluded.count, last_seen = excluded.last_seen, " +
  "category = excluded.category, vendor = excluded.vendor";

export async function recordInventory(db: D1Database, rows: readonly InventoryRow[], nowSeconds: number, maxRows: number): Promise<void> {
  if (rows.length === 0) return;
  await ensureSchema(db);
  await db.batch(rows.map((r) => db.prepare(UPSERT).bind(r.policy, r.host, r.directive, r.route, r.category, r.vendor, r.count, nowSeconds, maxRows)));
}

export async function readInventory(db: D1Database, policy: string): Promise<(InventoryRow & { first_seen: number; last_seen: number })[]> {
  await ensureSchema(db);
  const { results } = await db
    .prepare("SELECT policy, host, directive, route, category, vendor, count, first_seen, last_seen FROM host_inventory WHERE policy = ?1 ORDER BY count DESC, host")
    .bind(policy)
    .all<InventoryRow & { first_seen: number; last_seen: number }>();
  return results;
}
