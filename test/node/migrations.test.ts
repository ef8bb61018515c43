import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RECEIPTS_SQL } from "../../src/receipts/schema-sql.ts";

describe("D1 migrations", () => {
  it("should create exactly the tables the Worker creates for itself", () => {
    const migration = readFileSync(new URL("../../migrations/0001_receipts.sql", import.meta.url), "utf8");
    expect(migration.replace(/^--.*\n/gm, "")).toBe(RECEIPTS_SQL);
  });

  it("should store nothing that identifies the visitor", () => {
    expect(RECEIPTS_SQL.toLowerCase()).not.toMatch(/\b(ip|address|user_agent|ua|email|name)\b/);
  });
});
