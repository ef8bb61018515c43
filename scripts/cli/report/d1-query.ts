/** `wrangler d1 execute DB --json`, run for `consentry report --d1 DB`. */
import { spawnSync } from "node:child_process";
import { INVENTORY_SQL, parseInventory } from "./d1-inventory.ts";
import type { InventoryRecord } from "./summarise.ts";

/** Runs `wrangler d1 execute` in `cwd` (the project with wrangler.toml); its error, in one line, when it fails. */
export function queryInventory(database: string, local: boolean, cwd: string): InventoryRecord[] {
  const args = ["wrangler", "d1", "execute", database, local ? "--local" : "--remote", "--json", "--command", INVENTORY_SQL];
  const run = spawnSync("npx", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined) throw new Error(`cannot run npx wrangler: ${run.error.message}`);
  if (run.status !== 0) {
    const why = `${run.stdout}\n${run.stderr}`.split("\n").map((l) => l.trim()).find((l) => /error|no such table|not found/i.test(l));
    throw new Error(`wrangler d1 execute ${database} failed${why === undefined ? ` (exit ${run.status})` : `: ${why}`}`);
  }
  return parseInventory(run.stdout);
}
