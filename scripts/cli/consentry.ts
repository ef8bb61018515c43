#!/usr/bin/env node
/**
 * The `consentry` command: from "here is my site" to "Consentry enforces my policy".
 *
 *   consentry scan https://www.example.com     what the site sets and loads
 *   consentry init https://www.example.com     a policy from that scan (or a template)
 *   consentry check                            every policy, every problem
 *   consentry explain https://www.example.com  what Consentry would do, and why
 *   consentry report tail.json                 what Consentry logged and browsers reported
 *   consentry verify https://www.example.com   is Consentry answering, in which mode
 *
 * Runs on Node 22 or later (`npx consentry …`, or `npm run consentry -- …`).
 * Exit codes: 0 ok, 1 findings, 2 usage error.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { didYouMean } from "../../src/policy/suggest.ts";
import { EXIT, UsageError } from "./usage.ts";

interface Verb {
  help: string;
  run(argv: readonly string[], cwd: string): number | Promise<number>;
}

// Each verb loads only what it needs (the catalog, the crawler, Chromium), so `--help` is quick.
const VERBS: Record<string, () => Promise<Verb>> = {
  check: async () => import("./check.ts").then((m) => ({ help: m.checkHelp, run: m.check })),
  init: async () => import("./init.ts").then((m) => ({ help: m.initHelp, run: m.init })),
  scan: async () => import("./scan.ts").then((m) => ({ help: m.scanHelp, run: m.scan })),
  explain: async () => import("./explain.ts").then((m) => ({ help: m.explainHelp, run: m.explain })),
  report: async () => import("./report.ts").then((m) => ({ help: m.reportHelp, run: m.report })),
  verify: async () => import("./verify.ts").then((m) => ({ help: m.verifyHelp, run: (argv) => m.verify(argv) })),
};

export const mainHelp = `Usage: consentry <command> [options]

Commands:
  scan <url>      crawl a site: every cookie it sets, every third party it loads,
                  and what your policy does not cover yet
  init [url]      write policies/<id>.json: a commented template, or from a scan
  check           check every policy in policies/, every problem at once
  explain <url>   what Consentry decides for one visitor on one page, and why
  report [file]   sum up what Consentry logged (wrangler tail) and browsers
                  reported (the D1 inventory), with suggestions for the gaps
  verify <url>    check from outside that Consentry answers, and in which mode

Run consentry <command> --help for its options.
Exit codes: 0 ok, 1 findings (invalid policy, uncovered cookies, not enforcing), 2 usage error.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === "--help" || verb === "-h" || verb === "help") {
    console.log(mainHelp);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = VERBS[verb];
  if (load === undefined) {
    console.error(`consentry: unknown command "${verb}"${didYouMean(verb, Object.keys(VERBS))} (commands: ${Object.keys(VERBS).join(", ")}; consentry --help)`);
    return EXIT.usage;
  }
  const command = await load();
  try {
    return await command.run(rest, process.cwd());
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`consentry ${verb}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    // A failure of the site or the network, not of Consentry: one line, no stack.
    console.error(`consentry ${verb}: ${(error as Error).message}`);
    return EXIT.findings;
  }
}

// Run as a program (also through the `bin` link, whose path is not this file's).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
