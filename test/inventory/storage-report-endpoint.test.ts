/**
 * The storage report endpoint through the app as the Worker builds it, with the
 * real D1: each reported name is judged by the policy, the catalog and the
 * request's own decision (consent cookie, GPC, country); a refused or unknown name
 * becomes one log line and a row in the inventory, a name the decision allows
 * nothing; another site's post, a malformed or oversized body change nothing; a
 * flood is bounded.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { readInventory } from "../../src/inventory/inventory-store.ts";
import { MAX_STORAGE_REPORT_BYTES } from "../../src/inventory/storage-report-endpoint.ts";
import { createRegistry } from "../../src/policy/registry.ts";
import { registry, variant, westhub, westhubInput } from "../support/policies.ts";
import { CALIFORNIA, consentCookie, EU } from "../support/visitor.ts";

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
      { consentry: "storage-reported", policy: "westhub", route: "/billing{/*}?", path: "/billing/card", name: "_gcl_ls", category: "marketing", vendor: "google-ads", source: "vendor", reason: "forbidden", action: "refused" },
      { consentry: "storage-reported", policy: "westhub", route: "/billing{/*}?", path: "/billing/card", name: "wh_mystery_key", category: null, vendor: null, source: "unknown", reason: "unknown", action: "refused" },
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
    // A visitor who refused everything: functional storage is refused, so it is reported (allowed, it would be dropped).
    await post(JSON.stringify(["/", "wh_prefs_layout", "wh_other"]), { ...SAME_ORIGIN, cookie: await consentCookie(withStorage, []) }, app);
    expect(logs.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ name: "wh_prefs_layout", category: "functional", source: "policy" }),
      expect.objectContaining({ name: "wh_other", category: null, source: "unknown" }),
    ]);
  });

  describe("judged by the request's own decision", () => {
    /** WestHub letting unknown names pass: the guard then reports every name it let pass too. */
    const allowUnknown = variant(westhubInput, (p) => {
      p.unknownCookies = "allow";
    });
    /** One report as a visitor's page sends it, with the visitor's country and cookies. */
    async function report(policy: typeof westhub, names: string[], cf: object, headers: Record<string, string> = {}) {
      const logs: string[] = [];
      const app = createApp({ registry: createRegistry([policy]), log: (line) => logs.push(line) });
      await env.RECEIPTS!.exec("DELETE FROM host_inventory");
      const ctx = createExecutionContext();
      const init = { method: "POST", headers: { ...SAME_ORIGIN, ...headers }, body: JSON.stringify(["/pricing", ...names]), cf };
      expect((await app.fetch(new Request(`${SITE}/_consentry/storage-report`, init as RequestInit), env, ctx)).status).toBe(204);
      await waitOnExecutionContext(ctx);
      const rows = await readInventory(env.RECEIPTS!, "westhub");
      const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      return {
        logged: Object.fromEntries(lines.map((l) => [l.name, `${l.action} ${l.reason}`])),
        rows: Object.fromEntries(rows.map((r) => [r.host, `${r.directive} ${r.category ?? "-"}`])),
      };
    }
    // wh_aid analytics, theme functional, session necessary, _gcl_ls marketing (forbidden), wh_mystery_key unknown.
    const NAMES = ["wh_aid", "theme", "session", "_gcl_ls", "wh_mystery_key"];

    it("should record an unknown name the rules let pass as unknown and allowed, refusals as refused, and nothing the visitor consented to", async () => {
      const { logged, rows } = await report(allowUnknown, NAMES, EU, { cookie: await consentCookie(allowUnknown, ["analytics"]) });
      expect(logged).toEqual({ theme: "refused refused", _gcl_ls: "refused forbidden", wh_mystery_key: "allowed unknown" });
      expect(rows).toEqual({ theme: "storage functional", _gcl_ls: "storage marketing", wh_mystery_key: "storage-allowed -" });
    });

    it("should record an unknown name as unknown and refused where the policy blocks unknown names", async () => {
      const { logged, rows } = await report(westhub, NAMES, EU, { cookie: await consentCookie(westhub, ["analytics"]) });
      expect(logged).toEqual({ theme: "refused refused", _gcl_ls: "refused forbidden", wh_mystery_key: "refused unknown" });
      expect(rows).toEqual({ theme: "storage functional", _gcl_ls: "storage marketing", wh_mystery_key: "storage -" });
    });

    it("should judge by silence in an opt-in country, and by GPC where it opts out", async () => {
      expect((await report(allowUnknown, NAMES, EU)).logged).toEqual({ wh_aid: "refused no-choice", theme: "refused no-choice", _gcl_ls: "refused forbidden", wh_mystery_key: "allowed unknown" });
      // California: opt-out, GPC opts analytics out (WestHub's gpc.optOut); functional stays allowed by default.
      expect((await report(allowUnknown, NAMES, CALIFORNIA, { "sec-gpc": "1" })).logged).toEqual({ wh_aid: "refused gpc", _gcl_ls: "refused forbidden", wh_mystery_key: "allowed unknown" });
      expect((await report(westhub, NAMES, CALIFORNIA)).logged).toEqual({ _gcl_ls: "refused forbidden", wh_mystery_key: "refused unknown" });
    });
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
