-- Per-vendor consent: the vendors a visitor allowed one by one (JSON array of ids).
ALTER TABLE receipts ADD COLUMN vendors TEXT NOT NULL DEFAULT '[]';
-- What browsers reported the allowlist refused, aggregated: no paths, no queries, nothing about the visitor.
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
