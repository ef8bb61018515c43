/**
 * `consentry check`: every policy in policies/, every problem at once, one line
 * each (`file: path: reason`), with "did you mean" for typos; two policies
 * claiming one host is an error. A table of the policies when all are valid.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { checkPolicies, summaryTable } from "./check-policies.ts";
import { EXIT, parse, str } from "./usage.ts";

export const checkHelp = `Usage: consentry check [--policies DIR]

Checks every policy file in DIR (default: policies/) against the schema, the
catalog and each other, and prints every problem at once, one line each:

  policies/westhub.json: cookies.2.category: unknown category "analytic" (did you mean "analytics"?) ...

Exit code: 0 all valid (a summary table follows), 1 problems found, 2 usage error.`;

export function check(argv: readonly string[], root: string): number {
  const args = parse(argv, { policies: { type: "string" } }, 0);
  if (args.values.help === true) return void console.log(checkHelp), EXIT.ok;
  const dir = str(args, "policies") ?? "policies";
  if (!existsSync(resolve(root, dir))) {
    console.error(`no folder ${dir}/ here (consentry init writes a policy into it; --policies names another)`);
    return EXIT.findings;
  }
  const result = checkPolicies(root, dir);
  if (result.problems.length > 0) {
    console.error(result.problems.join("\n"));
    const files = new Set(result.problems.map((line) => line.slice(0, line.indexOf(": ")))).size;
    console.error(`\n${result.problems.length} ${result.problems.length === 1 ? "problem" : "problems"} in ${files} of ${result.files.length} ${result.files.length === 1 ? "file" : "files"}`);
    return EXIT.findings;
  }
  if (result.files.length === 0) {
    console.error(`no policy files in ${dir}/ (consentry init writes one)`);
    return EXIT.findings;
  }
  console.log(summaryTable(result.valid));
  console.log(`\n${result.files.length} ${result.files.length === 1 ? "policy" : "policies"} valid`);
  return EXIT.ok;
}
