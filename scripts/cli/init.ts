/**
 * `consentry init [url]`: writes policies/<id>.json, a commented template, or
 * with a URL the template completed from a scan of the site. The file name and
 * the `id` always agree; the result passes `consentry check`. Every route starts
 * in report-only mode.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import "urlpattern-polyfill";
import { compilePolicy } from "../../src/policy/compile.ts";
import { validatePolicy } from "../../src/policy/load.ts";
import { vendorIdSchema, hostSchema } from "../../src/policy/schema.ts";
import { buildCatalog } from "./check-policies.ts";
import { packageRoot } from "./package-root.ts";
import { classify } from "./scan/classify.ts";
import { mergeFindings } from "./scan/merge.ts";
import { crawlOptions, discover } from "./scan.ts";
import { idFromHost, nameFromId, templatePolicy } from "./template.ts";
import { EXIT, parse, str, urlArg, UsageError } from "./usage.ts";

export const initHelp = `Usage: consentry init [url] [options]

Writes policies/<id>.json: a template with a note on every part, or, given a
URL, the template completed from a scan of the site (every cookie and host
found, each with a note to review). Routes start in report-only mode: Consentry
logs what it would remove and removes nothing until you switch to enforce.

Options:
  --id ID          the policy id and file name (default: from the URL's host)
  --name NAME      the site's name shown in the banner (default: from the id)
  --host HOST      a host the policy claims (repeatable; default: the URL's host)
  --policies DIR   where policies live (default policies)
  --force          overwrite an existing file
  --depth N, --pages N, --browser, --timeout MS   as for consentry scan

Exit code: 0 written, 1 the file exists (without --force) or the scan failed,
2 usage error.`;

export async function init(argv: readonly string[], cwd: string): Promise<number> {
  const args = parse(argv, { ...crawlOptions, id: { type: "string" }, name: { type: "string" }, host: { type: "string", multiple: true }, policies: { type: "string" }, force: { type: "boolean" } }, 1);
  if (args.values.help === true) return void console.log(initHelp), EXIT.ok;
  const url = args.positionals[0] === undefined ? null : urlArg(args.positionals[0], "init");
  const id = str(args, "id") ?? (url === null ? "my-site" : idFromHost(url.hostname));
  if (!vendorIdSchema.safeParse(id).success) throw new UsageError(`--id must be kebab-case (lower-case letters and digits joined by -): ${id}`);
  const hostValues = args.values.host;
  const hosts = Array.isArray(hostValues) ? hostValues : url === null ? ["example.com"] : [url.hostname.replace(/^www\./, "")];
  for (const host of hosts) if (!hostSchema.safeParse(host).success) throw new UsageError(`--host must be a host name such as example.com: ${host}`);
  const dir = str(args, "policies") ?? "policies";
  const file = `${dir}/${id}.json`;
  if (existsSync(resolve(cwd, file)) && args.values.force !== true) {
    console.error(`consentry init: ${file} exists (--force overwrites it; consentry scan --write adds to it)`);
    return EXIT.findings;
  }
  const catalog = buildCatalog(packageRoot);
  let policy = templatePolicy({ id, name: str(args, "name") ?? nameFromId(id), hosts, origin: url?.origin ?? `https://${hosts[0] ?? "example.com"}` });
  let summary = "a template";
  if (url !== null) {
    const found = await discover(url, args);
    const compiled = compilePolicy(validatePolicy(file, policy, catalog), catalog);
    const merged = mergeFindings(policy, classify(found, compiled), catalog, true);
    policy = merged.policy;
    summary = `from a scan of ${found.pages.length} pages: ${merged.cookies.length} cookies and ${merged.vendors.length} vendors to review`;
  }
  // What init writes must pass check: validate before writing.
  validatePolicy(file, policy, catalog);
  mkdirSync(resolve(cwd, dir), { recursive: true });
  writeFileSync(resolve(cwd, file), `${JSON.stringify(policy, null, 2)}\n`);
  const schema = resolve(cwd, dir, "schema.json");
  if (!existsSync(schema) && existsSync(resolve(packageRoot, "policies/schema.json"))) {
    writeFileSync(schema, (await import("node:fs")).readFileSync(resolve(packageRoot, "policies/schema.json")));
  }
  console.log(`Wrote ${file} (${summary}).
Next:
  1. read every "$comment" in it, fix categories and purposes, remove the notes
  2. npx consentry check
  3. npx consentry explain ${url?.href ?? "<url>"} --policy ${id} --country DE
  4. deploy with the route in report-only mode, read the logs, then set "mode": "enforce" (docs/deploying.md)`);
  return EXIT.ok;
}
