/**
 * Receipts in D1. A write must neither slow the visitor's response (it runs in
 * `waitUntil`) nor be lost when D1 is briefly unavailable: a failed insert goes
 * to the `RECEIPT_QUEUE` Queue, whose consumer (receipt-queue.ts) retries with
 * back-off and finally dead-letters. Without a queue, the receipt is written to
 * the Worker's log as a JSON line, so it can still be recovered from Workers Logs.
 *
 * Inserts are idempotent (the id is the key) and never resurrect an erased
 * receipt: erasure keeps the random id in `erased_receipts`.
 */
import type { Logger } from "../enforce/report.ts";
import { ADDED_COLUMNS, RECEIPTS_SQL } from "./schema-sql.ts";
import type { Receipt } from "./receipt.ts";

const ready = new WeakSet<D1Database>();

/** Creates the tables if missing, once per isolate and database. */
export async function ensureSchema(db: D1Database): Promise<void> {
  if (ready.has(db)) return;
  const statements = RECEIPTS_SQL.split(";").map((s) => s.trim()).filter((s) => s !== "");
  await db.batch(statements.map((s) => db.prepare(s)));
  // A local database an older Worker created lacks the columns added since (deployments get them from migrations/).
  for (const added of ADDED_COLUMNS) {
    const { results } = await db.prepare("SELECT name FROM pragma_table_info(?1)").bind(added.table).all<{ name: string }>();
    if (!results.some((c) => c.name === added.column)) await db.prepare(added.sql).run();
  }
  ready.add(db);
}

export async function insertReceipt(db: D1Database, r: Receipt): Promise<void> {
  await ensureSchema(db);
  await db
    .prepare(
      "INSERT OR IGNORE INTO receipts (id, time, policy, revision, choice, method, gpc, regime, country, vendors) " +
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE NOT EXISTS (SELECT 1 FROM erased_receipts WHERE id = ?1)",
    )
    .bind(r.id, r.time, r.policy, r.revision, JSON.stringify(r.choice), r.method, r.gpc ? 1 : 0, r.regime, r.country, JSON.stringify(r.vendors ?? []))
    .run();
}

export interface ReceiptSinks {
  db?: D1Database | undefined;
  queue?: Queue<Receipt> | undefined;
  log: Logger;
}

/** D1 first (so the visitor can read it back at once), the queue when D1 fails, the log as the last resort. */
export async function storeReceipt(receipt: Receipt, { db, queue, log }: ReceiptSinks): Promise<"stored" | "queued" | "logged"> {
  if (db !== undefined) {
    try {
      await insertReceipt(db, receipt);
      return "stored";
    } catch (error) {
      log(JSON.stringify({ consentry: "receipt-write-failed", id: receipt.id, error: String(error) }));
    }
  }
  if (queue !== undefined) {
    try {
      await queue.send(receipt, { contentType: "json" });
      return "queued";
    } catch (error) {
      log(JSON.stringify({ consentry: "receipt-queue-failed", id: receipt.id, error: String(error) }));
    }
  }
  log(JSON.stringify({ consentry: "receipt-unstored", receipt }));
  return "logged";
}

export async function readReceipt(db: D1Database, id: string): Promise<Receipt | null> {
  await ensureSchema(db);
  const row = await db.prepare("SELECT * FROM receipts WHERE id = ?1").bind(id).first<Record<string, unknown>>();
  if (row === null) return null;
  return {
    id: String(row.id),
    time: Number(row.time),
    policy: String(row.policy),
    revision: Number(row.revision),
    choice: JSON.parse(String(row.choice)) as Record<string, boolean>,
    method: String(row.method) as Receipt["method"],
    gpc: row.gpc === 1,
    regime: String(row.regime),
    country: String(row.country),
    vendors: JSON.parse(String(row.vendors ?? "[]")) as string[],
  };
}

/** Deletes the receipt and remembers its (random) id so a queued copy cannot bring it back. */
export async function eraseReceipt(db: D1Database, id: string, now: number): Promise<void> {
  await ensureSchema(db);
  await db.batch([
    db.prepare("DELETE FROM receipts WHERE id = ?1").bind(id),
    db.prepare("INSERT OR IGNORE INTO erased_receipts (id, time) VALUES (?1, ?2)").bind(id, now),
  ]);
}
