-- Proof of consent: one row per choice, nothing that identifies the visitor.
-- Kept equal to src/receipts/schema-sql.ts (test/node/migrations.test.ts).
CREATE TABLE IF NOT EXISTS receipts (
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
