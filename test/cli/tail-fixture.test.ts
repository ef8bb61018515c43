/**
 * The log lines `consentry report` is tested on (test/node/cli/fixtures/) are the
 * Worker's own: this runs the app the Worker builds, in workerd, against the demo
 * origin, on the requests the fixture describes, and holds every line the fixture
 * carries, read back with the command's own reader, to what the Worker logs now.
 * A change to a log line fails here until the fixture is written again.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import tail from "../node/cli/fixtures/wrangler-tail.txt?raw";
import inventory from "../node/cli/fixtures/d1-inventory.json";
import { readLogLines } from "../../scripts/cli/report/read-logs.ts";
import { INVENTORY_SQL, parseInventory } from "../../scripts/cli/report/d1-inventory.ts";
import { ensureSchema } from "../../src/receipts/receipt-store.ts";
import { createApp } from "../../src/app.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import { loadRegistry } from "../../src/policy/load.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";
import { EU } from "../support/visitor.ts";

/** WestHub with its pages of trackers in report-only mode, as a rollout starts. */
function registry() {
  const data = structuredClone(westhubInput);
  data.routes!.unshift({ pattern: "/trackers", mode: "report-only" });
  return loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
}

const cspReport = (blocked: string, page: string) =>
  JSON.stringify({ "csp-report": { "document-uri": page, "effective-directive": "script-src-elem", "violated-directive": "script-src-elem", "blocked-uri": blocked, disposition: "enforce" } });

/** The requests behind the fixture, each with the lines the Worker logged for it. */
export const REQUESTS: { url: string; method?: string; headers?: Record<string, string>; body?: string }[] = [
  { url: "https://westhub.app/trackers" },
  { url: "https://westhub.app/", headers: { cookie: "_ga=GA1.1.1.1; session=y" } },
  { url: "https://westhub.app/_consentry/csp-report", method: "POST", headers: { "content-type": "application/csp-report" }, body: cspReport("https://collect.unlisted-tracker.example/p", "https://westhub.app/pricing") },
  { url: "https://westhub.app/_consentry/csp-report", method: "POST", headers: { "content-type": "application/csp-report" }, body: cspReport("https://static.hotjar.com/c/hotjar-1.js", "https://westhub.app/pricing") },
  // What the guard posts: storage names a page's scripts wrote that the rules refused (and, where unknown names pass, the names it let pass).
  { url: "https://westhub.app/_consentry/storage-report", method: "POST", headers: { "content-type": "text/plain;charset=UTF-8", "sec-fetch-site": "same-origin" }, body: JSON.stringify(["/pricing", "_gcl_ls", "wh_mystery_key"]) },
];

export async function runForFixture(): Promise<string[][]> {
  const out: string[][] = [];
  for (const r of REQUESTS) {
    const logs: string[] = [];
    // REFUSAL_LOG_RATE=1 and a draw of 0: every enforced response is in the sample.
    const app = createApp({ registry: registry(), transformHtml: createPageRewriter(), log: (line) => logs.push(line), random: () => 0 });
    const ctx = createExecutionContext();
    const init = { method: r.method ?? "GET", headers: r.headers ?? {}, cf: EU, redirect: "manual", ...(r.body === undefined ? {} : { body: r.body }) };
    const response = await app.fetch(new Request(r.url, init as RequestInit), { ...env, REFUSAL_LOG_RATE: "1" }, ctx);
    await response.text();
    await waitOnExecutionContext(ctx);
    out.push(logs);
  }
  return out;
}

describe("the report fixtures", () => {
  it("should hold exactly the lines the Worker logs, in wrangler tail's form", async () => {
    const logged = await runForFixture();
    const events = tail.split(/\n(?=\{\n {4}"outcome")/);
    expect(events).toHaveLength(REQUESTS.length);
    expect(events.map((e) => readLogLines(e).map((l) => JSON.stringify(l)))).toEqual(logged);
    expect(logged.flat().map((l) => JSON.parse(l).consentry)).toEqual(expect.arrayContaining(["report-only", "refused", "cookie-expired", "csp-violation", "storage-reported"]));
  });

  it("should hold exactly the rows the Worker's CSP reports leave in D1", async () => {
    await ensureSchema(env.RECEIPTS!);
    await env.RECEIPTS!.exec("DELETE FROM host_inventory");
    await runForFixture();
    const { results } = await env.RECEIPTS!.prepare(INVENTORY_SQL).all();
    expect(parseInventory(JSON.stringify(inventory))).toEqual(results);
  });
});
