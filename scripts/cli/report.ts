/**
 * `consentry report`: what Consentry logged and what browsers reported, summed
 * up by route, category, vendor, host and cookie, with the catalog's suggestion
 * for each host and cookie the policy does not cover yet. Reads the Worker's log
 * (`wrangler tail --format json`, Workers Logs lines, `wrangler dev` output) and
 * the D1 host inventory (`wrangler d1 execute`).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isFirstParty, loadsUndeclared } from "../../src/allowlist/judge-host.ts";
import type { Catalog } from "../../src/catalog/catalog.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { buildCatalog, table } from "./check-policies.ts";
import { storageClassifier } from "../../src/policy/storage-classifier.ts";
import { choosePolicy } from "./load-policy.ts";
import { packageRoot } from "./package-root.ts";
import { parseInventory } from "./report/d1-inventory.ts";
import { queryInventory } from "./report/d1-query.ts";
import { readLogLines, type LogLine } from "./report/read-logs.ts";
import { summarise, type Covers, type InventoryRecord, type Summary } from "./report/summarise.ts";
import { EXIT, parse, str, UsageError } from "./usage.ts";

export const reportHelp = `Usage: consentry report [file] [--d1 DATABASE | --d1-json FILE] [options]

Sums up what Consentry logged and what browsers reported: report-only lines
(what enforce mode would remove), enforce mode's sampled "refused" lines,
cookies expired at the edge, CSP violation reports and the storage names the
guard reported (refused, or unknown and let pass), by route, category, vendor,
host, cookie and storage name. For each host, cookie and storage name the policy does not
cover yet, the catalog's suggestion.

Input (any together):
  [file]            log lines: the output of "wrangler tail --format json",
                    Workers Logs JSON lines, or "wrangler dev" output;
                    "-" or nothing (without --d1) reads standard input:
                      npx wrangler tail --format json | npx consentry report
  --d1 DATABASE     the host inventory in D1, through
                    "wrangler d1 execute DATABASE --remote --json"
  --local           with --d1: the local database of "wrangler dev"
  --d1-json FILE    the saved output of "wrangler d1 execute … --json"

Options:
  --policies DIR    where policies live (default policies): a host or cookie
                    the policy of the same id now covers is not listed to review
  --json            print the summary as JSON

Exit code: 0 everything seen is covered by the policy, 1 hosts or cookies to
review (or nothing Consentry logged in the input), 2 usage error.`;

export async function report(argv: readonly string[], cwd: string): Promise<number> {
  const args = parse(argv, { d1: { type: "string" }, local: { type: "boolean" }, "d1-json": { type: "string" }, json: { type: "boolean" }, policies: { type: "string" } }, 1);
  if (args.values.help === true) return void console.log(reportHelp), EXIT.ok;
  const d1 = str(args, "d1");
  const d1Json = str(args, "d1-json");
  if (d1 !== undefined && d1Json !== undefined) throw new UsageError("--d1 and --d1-json both name the inventory: give one");
  if (args.values.local === true && d1 === undefined) throw new UsageError("--local goes with --d1");
  const file = args.positionals[0];

  let lines: LogLine[] = [];
  if (file !== undefined || (d1 === undefined && d1Json === undefined)) {
    if ((file === undefined || file === "-") && process.stdin.isTTY) throw new UsageError("give a file of log lines, or pipe them in (npx wrangler tail --format json | npx consentry report)");
    lines = readLogLines(file === undefined || file === "-" ? await readStdin() : readText(cwd, file));
  }
  let rows: InventoryRecord[] = [];
  if (d1Json !== undefined) rows = parseInventory(readText(cwd, d1Json));
  if (d1 !== undefined) rows = queryInventory(d1, args.values.local === true, cwd);

  const catalog = buildCatalog(packageRoot);
  const summary = summarise(lines, rows, catalog, coversNow(cwd, str(args, "policies") ?? "policies", catalog));
  if (args.values.json === true) console.log(JSON.stringify(summary, null, 2));
  else console.log(render(summary));
  if (lines.length === 0 && rows.length === 0) {
    console.error("nothing Consentry logged in this input (are the lines from the Consentry Worker? wrangler tail --format json)");
    return EXIT.findings;
  }
  return summary.review.length > 0 ? EXIT.findings : EXIT.ok;
}

/** The policies as they are now, by id, judged as `consentry scan` judges: a rule for the cookie, a place for the host. */
function coversNow(cwd: string, dir: string, catalog: Catalog): Covers {
  const compiled = new Map<string, CompiledPolicy | null>();
  const policy = (id: string): CompiledPolicy | null => {
    if (!compiled.has(id)) {
      let found: CompiledPolicy | null = null;
      if (/^[a-z0-9-]+$/.test(id) && existsSync(resolve(cwd, dir, `${id}.json`))) {
        try {
          found = choosePolicy(cwd, dir, id, "", catalog)?.compiled ?? null;
        } catch (error) {
          console.error(`${dir}/${id}.json: ${(error as Error).message.split("\n")[0]}; judged by the log's reasons instead`);
        }
      }
      compiled.set(id, found);
    }
    return compiled.get(id)!;
  };
  return (id, kind, name) => {
    const p = policy(id);
    if (p === null) return undefined;
    if (kind === "cookie") return p.classifyCookie(name).category !== null || p.unknownCookies === "allow";
    // An unknown storage name is to review even where the rules let it pass: it is on visitors' devices, attributed to no category.
    if (kind === "storage") return storageClassifier(p)(name).category !== null;
    if (isFirstParty(p, name)) return true;
    const vendor = p.vendorForHost(name);
    return vendor !== undefined && vendor.category !== null && loadsUndeclared(p, vendor);
  };
}

function readText(cwd: string, file: string): string {
  try {
    return readFileSync(resolve(cwd, file), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const dash = (v: string | null) => v ?? "-";

export function render(s: Summary): string {
  const out: string[] = [];
  const l = s.lines;
  out.push(
    `Read ${l["report-only"]} report-only, ${l.refused} refused${s.samples.length > 0 ? ` (logged for ${s.samples.map((r) => (r === 1 ? "every response" : `1 in ${Math.round(1 / r)} responses`)).join(", ")})` : ""}, ${l["cookie-expired"]} cookie-expired, ${l["csp-violation"]} csp-violation and ${l["storage-reported"]} storage-reported lines; ${l.inventory} inventory rows`,
  );
  if (s.routes.length > 0) {
    out.push("", "By route");
    out.push(table([["policy", "route", "report-only", "refused", "expired", "csp reports", "storage reports", "inventory"], ...s.routes.map((r) => [r.policy, r.route, String(r["report-only"]), String(r.refused), String(r["cookie-expired"]), String(r["csp-violation"]), String(r["storage-reported"]), String(r.inventory)])]));
  }
  if (s.categories.length > 0) {
    out.push("", "By category");
    out.push(table([["category", "count"], ...s.categories.map((c) => [c.key, String(c.count)])]));
  }
  if (s.vendors.length > 0) {
    out.push("", "By vendor");
    out.push(table([["vendor", "category", "count"], ...s.vendors.map((v) => [v.key, dash(v.category), String(v.count)])]));
  }
  if (s.hosts.length > 0) {
    out.push("", `Hosts (${s.hosts.length})`);
    out.push(table([["host", "vendor", "category", "reason", "what", "count"], ...s.hosts.map((h) => [h.name, dash(h.vendor), dash(h.category), h.reasons.join(", "), h.what.join(", "), String(h.count)])]));
  }
  if (s.cookies.length > 0) {
    out.push("", `Cookies (${s.cookies.length})`);
    out.push(table([["cookie", "vendor", "category", "reason", "what", "count"], ...s.cookies.map((c) => [c.name, dash(c.vendor), dash(c.category), c.reasons.join(", "), c.what.join(", "), String(c.count)])]));
  }
  if (s.storage.length > 0) {
    out.push("", `Storage names scripts wrote (${s.storage.length})`);
    out.push(table([["name", "vendor", "category", "reason", "what", "count"], ...s.storage.map((c) => [c.name, dash(c.vendor), dash(c.category), c.reasons.join(", "), c.what.join(", "), String(c.count)])]));
  }
  out.push("");
  if (s.review.length === 0) out.push("Every host and cookie seen is covered by the policy.");
  else {
    out.push(`Not covered by the policy (${s.review.length}): the catalog's suggestion`);
    out.push(table([["", "name", "reason", "suggestion"], ...s.review.map((r) => [r.kind, r.name, r.reason, r.advice])]));
  }
  return out.join("\n");
}
