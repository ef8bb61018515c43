/**
 * `consentry scan <url>`: crawls the site and lists every cookie it sets and
 * every third-party host it loads, classified by the policy (or the catalog),
 * and what the policy does not cover. `--write` adds those to the policy for
 * review; `--browser` runs the pages in Chromium as well, for cookies set by
 * JavaScript and requests made after load.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import "urlpattern-polyfill";
import { compilePolicy } from "../../src/policy/compile.ts";
import { validatePolicy } from "../../src/policy/load.ts";
import type { PolicyInput } from "../../src/policy/schema.ts";
import { buildCatalog } from "./check-policies.ts";
import { choosePolicy } from "./load-policy.ts";
import { browse } from "./scan/browser.ts";
import { classify } from "./scan/classify.ts";
import { crawl, type CrawlResult } from "./scan/crawl.ts";
import { mergeFindings } from "./scan/merge.ts";
import { scanJson, scanReport } from "./scan/report.ts";
import { idFromHost, nameFromId, templatePolicy } from "./template.ts";
import { EXIT, int, parse, progress, progressDone, str, urlArg, type Options, type Parsed } from "./usage.ts";
import { packageRoot } from "./package-root.ts";

export const scanHelp = `Usage: consentry scan <url> [options]

Crawls <url> and the same-origin pages it links to, and lists every cookie the
site sets (name, domain, path, lifetime) and every third-party host it loads
(tags, inline snippets, CSS), classified by your policy and the catalog.

Options:
  --depth N         link hops from <url> (default 2)
  --pages N         pages to fetch at most (default 25)
  --browser         also load the pages in Chromium (/usr/bin/chromium, or
                    CHROMIUM_PATH) for cookies set by JavaScript and requests
                    made after load
  --policy ID       classify with policies/ID.json (default: the policy whose
                    hosts claim the URL's host, or the only policy)
  --policies DIR    where policies live (default policies)
  --write           add what the policy does not cover to its file, each with a
                    "$comment" to review
  --json            print the findings as JSON
  --timeout MS      per request (default 15000)

Exit code: 0 the policy covers everything found (or no policy: catalog only),
1 something is not covered or the site could not be fetched, 2 usage error.`;

export const crawlOptions: Options = {
  depth: { type: "string" },
  pages: { type: "string" },
  browser: { type: "boolean" },
  timeout: { type: "string" },
};

/** Crawl, then the browser pass when asked: shared by `scan`, `init` and `explain`. */
export async function discover(url: URL, args: Parsed, defaults = { depth: 2, pages: 25 }): Promise<CrawlResult> {
  const result = await crawl(url, {
    depth: int(args, "depth", defaults.depth, 0, 10),
    pages: int(args, "pages", defaults.pages, 1, 1000),
    timeoutMs: int(args, "timeout", 15_000, 100, 120_000),
    onPage: (page, done) => progress(`scanning ${page} (${done} done)`),
  });
  if (args.values.browser === true) await browse(result, { timeoutMs: int(args, "timeout", 15_000, 100, 120_000), onPage: (page) => progress(`browser: ${page}`) });
  progressDone();
  return result;
}

export async function scan(argv: readonly string[], cwd: string): Promise<number> {
  const args = parse(argv, { ...crawlOptions, policy: { type: "string" }, policies: { type: "string" }, write: { type: "boolean" }, json: { type: "boolean" } }, 1);
  if (args.values.help === true) return void console.log(scanHelp), EXIT.ok;
  const url = urlArg(args.positionals[0], "scan");
  const dir = str(args, "policies") ?? "policies";
  const catalog = buildCatalog(packageRoot);
  const chosen = choosePolicy(cwd, dir, str(args, "policy"), url.hostname, catalog);
  if (args.values.write === true && chosen === null) {
    console.error(`consentry scan: --write needs a policy (--policy ID, or consentry init ${url.href} first)`);
    return EXIT.usage;
  }
  const found = await discover(url, args);
  // Without a policy, the template's categories read the catalog, as a new policy would.
  const id = idFromHost(url.hostname);
  const policy = chosen?.compiled ?? compilePolicy(validatePolicy(`${id}.json`, templatePolicy({ id, name: nameFromId(id), hosts: [url.hostname.replace(/^www\./, "")], origin: url.origin }), catalog), catalog);
  const classified = classify(found, policy);
  const label = chosen === null ? "the catalog (no policy)" : chosen.file;
  if (args.values.json === true) console.log(JSON.stringify(scanJson(found, classified, chosen?.file ?? null), null, 2));
  else console.log(scanReport(found, classified, label, chosen !== null));
  const gaps = classified.cookies.filter((r) => !r.covered).length + classified.hosts.filter((r) => !r.covered).length;
  if (args.values.write === true && chosen !== null && gaps > 0) {
    const merged = mergeFindings(chosen.data as PolicyInput, classified, catalog);
    writeFileSync(resolve(cwd, chosen.file), `${JSON.stringify(merged.policy, null, 2)}\n`);
    console.log(`\nWrote ${chosen.file}: ${merged.cookies.length} cookies (${merged.cookies.join(", ") || "none"}) and ${merged.vendors.length} vendors (${merged.vendors.join(", ") || "none"}) added. Review each "$comment", then: consentry check`);
    return EXIT.ok;
  }
  return chosen !== null && gaps > 0 ? EXIT.findings : EXIT.ok;
}
