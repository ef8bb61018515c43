/**
 * `consentry verify <url>`: asks the site from outside whether Consentry
 * answers and in which mode, from the `Consentry` response header
 * (`policy=westhub; mode=enforce`) every response it shapes carries.
 */
import { fetchFailure } from "./scan/crawl.ts";
import { EXIT, parse, str, urlArg, UsageError } from "./usage.ts";

export const verifyHelp = `Usage: consentry verify <url> [--mode enforce|report-only|off] [--policy ID]

Fetches <url> and reads the Consentry response header, which names the policy
and the mode that answered: "Consentry: policy=westhub; mode=enforce".

Options:
  --mode M      the mode expected (default enforce)
  --policy ID   the policy expected
  --timeout MS  default 15000

Exit code: 0 Consentry answered as expected, 1 it did not (no header, another
mode or policy, the site unreachable), 2 usage error.`;

/** `policy=westhub; mode=enforce` → { policy: "westhub", mode: "enforce" }. */
export function parseModeHeader(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return fields;
}

export async function verify(argv: readonly string[]): Promise<number> {
  const args = parse(argv, { mode: { type: "string" }, policy: { type: "string" }, timeout: { type: "string" } }, 1);
  if (args.values.help === true) return void console.log(verifyHelp), EXIT.ok;
  const url = urlArg(args.positionals[0], "verify");
  const expected = str(args, "mode") ?? "enforce";
  if (!["enforce", "report-only", "off"].includes(expected)) throw new UsageError(`--mode must be enforce, report-only or off`);
  const timeout = Number(str(args, "timeout") ?? 15_000);
  let response: Response;
  try {
    response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeout), headers: { "user-agent": "consentry-verify/1" } });
  } catch (error) {
    console.error(`${url.href}: cannot fetch: ${fetchFailure(error)}`);
    return EXIT.findings;
  }
  await response.body?.cancel();
  const header = response.headers.get("consentry");
  if (header === null) {
    console.error(`${url.href}: ${response.status}, no Consentry header: Consentry does not answer for this URL (is the route in wrangler.toml, and deployed?)`);
    return EXIT.findings;
  }
  const fields = parseModeHeader(header);
  const problems: string[] = [];
  if (fields.mode !== expected) problems.push(`mode is ${fields.mode ?? "(none)"}, expected ${expected}`);
  const policy = str(args, "policy");
  if (policy !== undefined && fields.policy !== policy) problems.push(`policy is ${fields.policy ?? "(none)"}, expected ${policy}`);
  const csp = response.headers.has("content-security-policy") ? "allowlist enforced (Content-Security-Policy)" : response.headers.has("content-security-policy-report-only") ? "allowlist report-only" : "no allowlist header";
  console.log(`${url.href}: ${response.status}, Consentry: ${header}; ${csp}`);
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    return EXIT.findings;
  }
  return EXIT.ok;
}
