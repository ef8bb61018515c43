/**
 * Consentry's D1 tables, as the migrations in migrations/ leave them (a test
 * applies the migrations to SQLite and compares). The Worker also creates them if
 * missing, once per isolate, so `wrangler dev` works on a fresh local D1 without
 * a migration step; deployed databases get them from `wrangler d1 migrations apply`.
 *
 * What a receipt holds is what an auditor needs to see that consent was given
 * (GDPR Art. 7(1)) and nothing that identifies the visitor: no IP address, no
 * user agent. The id is the random receipt id in the visitor's consent cookie.
 * The host inventory counts what browsers reported the allowlist refused, by
 * host, directive and route, and the storage names the client guard refused
 * (directive `storage`, the name in `host`): no URL paths or queries, no
 * values, nothing about the visitor.
 */
export const RECEIPTS_SQL = `CREATE TABLE IF NOT EXISTS receipts (
  id TEXT PRIMARY KEY,
  time INTEGER NOT NULL,
  policy TEXT NOT NULL,
  revision INTEGER NOT NULL,
  choice TEXT NOT NULL,
  method TEXT NOT NULL,
  gpc INTEGER NOT NULL,
  regime TEXT NOT NULL,
  country TEXT NOT NULL,
  vendors TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS erased_receipts (
  id TEXT PRIMARY KEY,
  time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS host_inventory (
  policy TEXT NOT NULL,
  host TEXT NOT NULL,
  directive TEXT NOT NULL,
  route TEXT NOT NULL,
  category TEXT,
  vendor TEXT,
  count INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (policy, host, directive, route)
);
`;

/** Columns added after a table was first created, for databases made by an older Worker (no migration step locally). */
export const ADDED_COLUMNS: readonly { table: string; column: string; sql: string }[] = [
  { table: "receipts", column: "vendors", sql: "ALTER TABLE receipts ADD COLUMN vendors TEXT NOT NULL DEFAULT '[]'" },
];
