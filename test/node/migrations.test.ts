/**
 * The migrations a deployment applies and the tables the Worker creates for
 * itself must end in the same schema: both are applied to SQLite (`node:sqlite`,
 * the engine under D1) and compared column by column.
 */
import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { ADDED_COLUMNS, RECEIPTS_SQL } from "../../src/receipts/schema-sql.ts";

const dir = new URL("../../migrations/", import.meta.url);

function schema(db: DatabaseSync): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]).map(
        (c) => `${c.name} ${c.type} notnull=${c.notnull} default=${String(c.dflt_value)} pk=${c.pk}`,
      ),
    ]),
  );
}

describe("D1 migrations", () => {
  it("should leave exactly the tables the Worker creates for itself", () => {
    const migrated = new DatabaseSync(":memory:");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) migrated.exec(readFileSync(new URL(file, dir), "utf8"));
    const created = new DatabaseSync(":memory:");
    created.exec(RECEIPTS_SQL);
    expect(schema(migrated)).toEqual(schema(created));
  });

  it("should bring a database the first Worker created up to date with the added columns", () => {
    const old = new DatabaseSync(":memory:");
    old.exec(readFileSync(new URL("0001_receipts.sql", dir), "utf8"));
    old.exec(RECEIPTS_SQL);
    for (const added of ADDED_COLUMNS) old.exec(added.sql);
    const created = new DatabaseSync(":memory:");
    created.exec(RECEIPTS_SQL);
    expect(schema(old)).toEqual(schema(created));
  });

  it("should store nothing that identifies the visitor", () => {
    expect(RECEIPTS_SQL.toLowerCase()).not.toMatch(/\b(ip|address|user_agent|ua|email|name|path|query|url)\b/);
  });
});
