/**
 * The receipts table, as in migrations/0001_receipts.sql (a test holds the two
 * equal). The Worker also creates it if missing, once per isolate, so `wrangler
 * dev` works on a fresh local D1 without a migration step; deployed databases
 * get it from `wrangler d1 migrations apply`.
 *
 * What a receipt holds is what an auditor needs to see that consent was given
 * (GDPR Art. 7(1)) and nothing that identifies the visitor: no IP address, no
 * user agent. The id is the random receipt id in the visitor's consent cookie.
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
  country TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS erased_receipts (
  id TEXT PRIMARY KEY,
  time INTEGER NOT NULL
);
`;
