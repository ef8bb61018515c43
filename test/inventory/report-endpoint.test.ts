/**
 * The report endpoint through the app as the Worker builds it, with the real D1:
 * a violation becomes one log line and a row in the host inventory; malformed,
 * foreign and oversized bodies change nothing; a flood is bounded.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { readInventory } from "../../src/inventory/inventory-store.ts";
import { MAX_REPORT_BYTES } from "../../src/inventory/report-endpoint.ts";
import { registry } from "../support/policies.ts";

const SITE = "https://westhub.app";

function report(blocked: string, page = `${SITE}/pricing?x=1`) {
  return JSON.stringify({ "csp-report": { "document-uri": page, "effective-directive": "script-src-elem", "violated-directive": "script-src-elem", "blocked-uri": blocked, disposition: "enforce" } });
}

async function post(body: BodyInit, headers: Record<string, string> = { "content-type": "application/csp-report" }, logs: string[] = []) {
  const app = createApp({ registry, log: (line) => logs.push(line) });
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`${SITE}/_consentry/csp-report`, { method: "POST", headers, body }), env, ctx);
  await waitOnExecutionContext(ctx);
  return { response, logs };
}

describe("POST /_consentry/csp-report", () => {
  it("should log the violation and count it in the inventory, by host, directive and route, with the catalog's name for it", async () => {
    const { response, logs } = await post(report("https://static.hotjar.com/c/hotjar-1.js?sv=6"));
    expect(response.status).toBe(204);
    expect(logs.map((l) => JSON.parse(l))).toEqual([
      { consentry: "csp-violation", policy: "westhub", route: "(default)", path: "/pricing", host: "static.hotjar.com", directive: "script-src-elem", disposition: "enforce", vendor: "hotjar", category: "analytics" },
    ]);
    await post(report("https://static.hotjar.com/other.js"));
    await post(report("https://collect.unlisted-tracker.example/p", `${SITE}/billing/card`));
    const rows = await readInventory(env.RECEIPTS!, "westhub");
    expect(rows.find((r) => r.host === "static.hotjar.com")).toMatchObject({ directive: "script-src-elem", route: "(default)", vendor: "hotjar", category: "analytics", count: 2 });
    expect(rows.find((r) => r.host === "collect.unlisted-tracker.example")).toMatchObject({ route: "/billing{/*}?", vendor: null, category: null, count: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/pricing|sv=6|x=1/);
  });

  it.each([
    ["not JSON", "{"],
    ["an empty body", ""],
    ["another site's report", report("https://static.hotjar.com/x", "https://evil.example/")],
  ])("should answer 204 to %s and record nothing", async (_, body) => {
    const { response, logs } = await post(body);
    expect(response.status).toBe(204);
    expect(logs).toEqual([]);
  });

  it("should stop reading a body past its limit, whatever the framing", async () => {
    const big = report(`https://static.hotjar.com/${"a".repeat(MAX_REPORT_BYTES)}`);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 1000) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 1000)));
        controller.close();
      },
    });
    const { response, logs } = await post(stream, { "content-type": "application/csp-report" });
    expect(response.status).toBe(204);
    expect(logs).toEqual([]);
  });

  it("should bound a flood: violations per second per isolate, however many arrive", async () => {
    const logs: string[] = [];
    const batch = JSON.stringify(
      Array.from({ length: 100 }, (_, i) => ({ type: "csp-violation", body: { blockedURL: `https://h${i}.flood.example/x`, documentURL: `${SITE}/`, effectiveDirective: "img-src" } })),
    );
    const app = createApp({ registry, log: (line) => logs.push(line), now: () => 1_790_000_000_000 });
    for (let i = 0; i < 10; i++) {
      const ctx = createExecutionContext();
      await app.fetch(new Request(`${SITE}/_consentry/csp-report`, { method: "POST", headers: { "content-type": "application/reports+json" }, body: batch }), env, ctx);
      await waitOnExecutionContext(ctx);
    }
    // 1,000 violations sent within one (frozen) second: the burst is taken, the rest dropped.
    expect(logs.length).toBe(200);
  });
});
