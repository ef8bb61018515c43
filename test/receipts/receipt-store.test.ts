import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { decide } from "../../src/decision/decide.ts";
import { buildReceipt, type Receipt } from "../../src/receipts/receipt.ts";
import { consumeReceipts, retryDelay } from "../../src/receipts/receipt-queue.ts";
import { eraseReceipt, insertReceipt, readReceipt, storeReceipt } from "../../src/receipts/receipt-store.ts";
import { westhub } from "../support/policies.ts";

let serial = 0;
function receipt(overrides: Partial<Receipt> = {}): Receipt {
  serial += 1;
  return {
    id: `r${String(serial).padStart(21, "0")}`,
    time: 1_790_000_000,
    policy: "westhub",
    revision: 1,
    choice: { necessary: true, security: true, functional: false, analytics: true, marketing: false },
    method: "custom",
    gpc: false,
    regime: "opt-in",
    country: "DE",
    vendors: [],
    ...overrides,
  };
}

/** D1 while it is unavailable: statements prepare, then every execution fails, as during an outage. */
const outage = () => Promise.reject(new Error("D1_ERROR: Network connection lost"));
const failingStatement = { bind: () => failingStatement, run: outage, first: outage, all: outage, raw: outage };
const unavailable = { prepare: () => failingStatement, batch: outage, exec: outage, dump: outage } as unknown as D1Database;

describe("receipts", () => {
  it("should record the choice per category, how it was made, the regime and the country, and nothing about the visitor", () => {
    const route = westhub.route(new URL("https://westhub.app/"));
    const choice = { granted: ["analytics"], refused: ["functional"], vendors: [], revision: westhub.revision, time: 1_790_000_000, id: "a".repeat(22), gpc: false };
    const decision = decide({ policy: westhub, route, consent: { status: "valid", choice }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
    const r = buildReceipt(westhub, choice, "custom", decision);
    expect(r).toEqual({
      id: "a".repeat(22),
      time: 1_790_000_000,
      policy: "westhub",
      revision: westhub.revision,
      choice: { necessary: true, security: true, functional: false, analytics: true, marketing: false },
      method: "custom",
      gpc: false,
      regime: "opt-in",
      country: "DE",
      vendors: [],
    });
  });

  it("should call it a GPC choice when the signal was on and the choice kept its categories off", () => {
    const route = westhub.route(new URL("https://westhub.app/"));
    const jurisdiction = { country: "US", region: "CA", source: "cf" } as const;
    const base = { refused: [], vendors: [], revision: westhub.revision, time: 1, id: "b".repeat(22), gpc: true };
    const off = { ...base, granted: ["functional"] };
    const decision = decide({ policy: westhub, route, consent: { status: "valid", choice: off }, gpc: true, dnt: false, jurisdiction });
    expect(buildReceipt(westhub, off, "custom", decision)).toMatchObject({ method: "gpc", gpc: true, regime: "opt-out", country: "US-CA" });
    const on = { ...base, granted: ["analytics"] };
    expect(buildReceipt(westhub, on, "accept-all", decision).method).toBe("accept-all");
  });

  it("should write to D1 and read it back", async () => {
    const r = receipt();
    expect(await storeReceipt(r, { db: env.RECEIPTS, queue: env.RECEIPT_QUEUE, log: () => {} })).toBe("stored");
    expect(await readReceipt(env.RECEIPTS!, r.id)).toEqual(r);
  });

  it("should hand the receipt to the queue when D1 is unavailable, and to the log when the queue is too", async () => {
    const sent: Receipt[] = [];
    const queue = { send: async (body: Receipt) => void sent.push(body) } as unknown as Queue<Receipt>;
    const logs: string[] = [];
    const r = receipt();
    expect(await storeReceipt(r, { db: unavailable, queue, log: (l) => logs.push(l) })).toBe("queued");
    expect(sent).toEqual([r]);
    expect(JSON.parse(logs[0]!)).toMatchObject({ consentry: "receipt-write-failed", id: r.id });

    const lost = receipt();
    const broken = { send: () => Promise.reject(new Error("queue down")) } as unknown as Queue<Receipt>;
    logs.length = 0;
    expect(await storeReceipt(lost, { db: unavailable, queue: broken, log: (l) => logs.push(l) })).toBe("logged");
    expect(JSON.parse(logs.at(-1)!)).toEqual({ consentry: "receipt-unstored", receipt: lost });
  });

  it("should have the queue consumer write queued receipts, and retry them while D1 is down", async () => {
    const r = receipt();
    const message = { id: "m1", timestamp: new Date(), attempts: 2, body: r };
    const down = createMessageBatch<Receipt>("consentry-receipts", [message]);
    const ctx1 = createExecutionContext();
    await consumeReceipts(down, { RECEIPTS: unavailable });
    const failed = await getQueueResult(down, ctx1);
    expect(failed.explicitAcks).toEqual([]);
    expect(failed.retryMessages.map((m) => m.msgId)).toEqual(["m1"]);
    expect(await readReceipt(env.RECEIPTS!, r.id)).toBeNull();

    const up = createMessageBatch<Receipt>("consentry-receipts", [message]);
    const ctx2 = createExecutionContext();
    await consumeReceipts(up, { RECEIPTS: env.RECEIPTS });
    expect((await getQueueResult(up, ctx2)).explicitAcks).toEqual(["m1"]);
    expect(await readReceipt(env.RECEIPTS!, r.id)).toEqual(r);
  });

  it("should back off between retries, up to ten minutes", () => {
    expect([1, 2, 3, 10, 50].map(retryDelay)).toEqual([30, 60, 90, 300, 600]);
  });

  it("should erase a receipt for good: a late queued copy does not bring it back", async () => {
    const r = receipt();
    await insertReceipt(env.RECEIPTS!, r);
    await eraseReceipt(env.RECEIPTS!, r.id, 1_790_000_100);
    expect(await readReceipt(env.RECEIPTS!, r.id)).toBeNull();
    await insertReceipt(env.RECEIPTS!, r);
    expect(await readReceipt(env.RECEIPTS!, r.id)).toBeNull();
  });
});
