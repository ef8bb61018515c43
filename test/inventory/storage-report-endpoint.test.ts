/**
 * The storage report endpoint through the app as the Worker builds it, with the
 * real D1: each reported name becomes one log line and a row in the inventory,
 * classified by the policy and the catalog; another site's post, a malformed or
 * oversized body change nothing; a flood is bounded.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { readInventory } from "../../src/inventory/inventory-store.ts";
import { MAX_STORAGE_REPORT_BYTES } from "../../src/inventory/storage-report-endpoint.ts";
import { createRegistry } from "../../src/policy/registry.ts";
import { registry, variant, westhubInput } from "../support/policies.ts";

const SITE = "https://westhub.app";
/** What a same-origin sendBeacon or keepalive fetch carries (Fetch Metadata). */
const SAME_ORIGIN = { "content-type": "text/plain;charset=UTF-8", "sec-fetch-site": "same-origin" };

async function post(body: BodyInit, headers: Record<string, string> = SAME_ORIGIN, app = createApp({ registry, log: () => {} }), logs?: string[]) {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`${SITE}/_consentry/storage-report`, { method: "POST", headers, body }), env, ctx);
  await waitOnExecutionContext(ctx);
  return { response, logs };
}

function withLogs() {
  const logs: string[] = [];
  return { app: createApp({ registry, log: (line) => logs.push(line) }), logs };
}

describe("POST /_consentry/storage-report", () => {
  it("should log each name and count it in the inventory by route, with the category the policy or the catalog gives it", async () => {
    const { app, logs } = withLogs();
    const { response } = await post(JSON.stringify(["/billing/card", "_gcl_ls", "wh_mystery_key"]), SAME_ORIGIN, app);
    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lines = logs.map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { consentry: "storage-reported", policy: "westhub", route: "/billing{/*}?", path: "/billing/card", name: "_gcl_ls", category: "marketing", vendor: "google-ads", source: "vendor" },
      { consentry: "storage-reported", policy: "westhub", route: "/billing{/*}?", path: "/billing/card", name: "wh_mystery_key", category: null, vendor: null, source: "unknown" },
    ]);
    await post(JSON.stringify(["/billing/other", "wh_mystery_key"]), SAME_ORIGIN, app);
    const rows = await readInventory(env.RECEIPTS!, "westhub");
    expect(rows.find((r) => r.host === "wh_mystery_key")).toMatchObject({ directive: "storage", route: "/billing{/*}?", category: null, vendor: null, count: 2 });
    expect(rows.find((r) => r.host === "_gcl_ls")).toMatchObject({ directive: "storage", category: "marketing", count: 1 });
  });

  it("should go by the policy's storage rules before its cookie rules", async () => {
    const withStorage = variant(westhubInput, (p) => {
      p.storage = [{ pattern: "^wh_prefs_.+$", category: "functional" }];
    });
    const logs: string[] = [];
    const app = createApp({ registry: createRegistry([withStorage]), log: (line) => logs.push(line) });
    await post(JSON.stringify(["/", "wh_prefs_layout", "wh_other"]), SAME_ORIGIN, app);
    expect(logs.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ name: "wh_prefs_layout", category: "functional", source: "policy" }),
      expect.objectContaining({ name: "wh_other", category: null, source: "unknown" }),
    ]);
  });

  it.each([
    ["another site's page (Fetch Metadata)", { ...SAME_ORIGIN, "sec-fetch-site": "cross-site" }],
    ["another origin (Origin header, no Fetch Metadata)", { "content-type": "text/plain", origin: "https://evil.example" }],
    ["a client that sends neither", { "content-type": "text/plain" }],
  ])("should drop a report from %s", async (_, headers) => {
    const { app, logs } = withLogs();
    const { response } = await post(JSON.stringify(["/", "from_elsewhere"]), headers, app);
    expect(response.status).toBe(204);
    expect(logs).toEqual([]);
    expect((await readInventory(env.RECEIPTS!, "westhub")).some((r) => r.host === "from_elsewhere")).toBe(false);
  });

  it("should take a same-origin Origin header where Fetch Metadata is missing", async () => {
    const { app, logs } = withLogs();
    await post(JSON.stringify(["/", "by_origin"]), { "content-type": "text/plain", origin: SITE }, app);
    expect(logs).toHaveLength(1);
  });

  it.each([
    ["not JSON", "{"],
    ["an empty body", ""],
    ["the wrong shape", JSON.stringify({ "csp-report": {} })],
  ])("should answer 204 to %s and record nothing", async (_, body) => {
    const { app, logs } = withLogs();
    expect((await post(body, SAME_ORIGIN, app)).response.status).toBe(204);
    expect(logs).toEqual([]);
  });

  it("should stop reading a body past its limit, whatever the framing", async () => {
    const big = JSON.stringify(["/", "a".repeat(MAX_STORAGE_REPORT_BYTES)]);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 1000) controller.enqueue(new TextEncoder().encode(big.slice(i, i + 1000)));
        controller.close();
      },
    });
    const { app, logs } = withLogs();
    expect((await post(stream, SAME_ORIGIN, app)).response.status).toBe(204);
    expect(logs).toEqual([]);
  });

  it("should bound a flood: names per second per isolate, however many arrive", async () => {
    const logs: string[] = [];
    const app = createApp({ registry, log: (line) => logs.push(line), now: () => 1_790_000_000_000 });
    for (let i = 0; i < 20; i++) await post(JSON.stringify(["/", ...Array.from({ length: 20 }, (_, j) => `flood_${i}_${j}`)]), SAME_ORIGIN, app);
    // 400 names within one (frozen) second: the burst is taken, the rest dropped.
    expect(logs.length).toBe(200);
  });
});
