/**
 * Load, bounded to fit CI (LOAD_SIZE, 100 by default; `npm run test:nightly`
 * runs 1,000): concurrent requests to the Worker as deployed, against the demo
 * origin over loopback HTTP, in one isolate, where shared state would show.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { PATHS } from "../src/paths.ts";
import type { Receipt } from "../src/receipts/receipt.ts";
import { ensureSchema } from "../src/receipts/receipt-store.ts";
import { westhub } from "./support/policies.ts";
import { budget, loadSize } from "./support/provided.ts";
import { CALIFORNIA, consentCookie, cookiesSet, echoed, EU, visit } from "./support/visitor.ts";
import { callWorker } from "./support/worker.ts";

const N = loadSize();
const SITE = "https://westhub.app";
const ACTIONS = [{ action: "accept-all" }, { action: "reject-all" }, { action: "custom", categories: ["analytics"] }, { action: "custom", categories: ["functional"] }];

/** Every receipt id in D1 (storage is per test file, so these are this file's). */
async function storedIds(): Promise<Set<string>> {
  await ensureSchema(env.RECEIPTS!);
  const { results } = await env.RECEIPTS!.prepare("SELECT id FROM receipts").all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}

function submit(i: number, bindings = {}) {
  return callWorker(`${SITE}${PATHS.consent}`, {
    method: "POST",
    cf: i % 2 === 0 ? EU : CALIFORNIA,
    headers: { "sec-fetch-site": "same-origin", "content-type": "application/json", "cf-connecting-ip": `10.${Math.floor(i / 250)}.${i % 250}.1` },
    body: JSON.stringify(ACTIONS[i % ACTIONS.length]),
    bindings,
  });
}

describe(`load (${N} at once)`, () => {
  it(`should leave exactly ${N} receipts after ${N} concurrent consent submissions`, { timeout: budget(N, 20) }, async () => {
    const before = await storedIds();
    const calls = await Promise.all(Array.from({ length: N }, (_, i) => submit(i)));
    expect(calls.map((c) => c.response.status)).toEqual(Array(N).fill(200));
    const ids = await Promise.all(calls.map(async (c) => ((await c.response.json()) as { receipt: string }).receipt));
    await Promise.all(calls.map((c) => c.settled()));
    expect(new Set(ids).size).toBe(N);
    const after = await storedIds();
    expect(after.size - before.size).toBe(N);
    for (const id of ids) expect(after.has(id)).toBe(true);
  });

  it(`should lose none of ${N} concurrent receipts when D1 fails every other write: the queue takes them`, { timeout: budget(N, 20) }, async () => {
    let writes = 0;
    const flaky = new Proxy(env.RECEIPTS!, {
      get(target, key) {
        if (key === "prepare") {
          return (sql: string) => {
            const statement = target.prepare(sql);
            if (!sql.startsWith("INSERT OR IGNORE INTO receipts")) return statement;
            return { bind: (...args: unknown[]) => ({ run: () => (++writes % 2 === 0 ? Promise.reject(new Error("D1_ERROR: overloaded")) : statement.bind(...args).run()) }) };
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const queued: Receipt[] = [];
    const queue = { send: async (r: Receipt) => void queued.push(r) } as unknown as Queue<Receipt>;
    const before = await storedIds();
    // The Worker logs each failed write (src/receipts/receipt-store.ts): collected here, not printed.
    const logged = vi.spyOn(console, "log").mockImplementation(() => {});
    const calls = await Promise.all(Array.from({ length: N }, (_, i) => submit(i, { RECEIPTS: flaky, RECEIPT_QUEUE: queue })));
    const ids = await Promise.all(calls.map(async (c) => ((await c.response.json()) as { receipt: string }).receipt));
    await Promise.all(calls.map((c) => c.settled()));
    const failures = logged.mock.calls.filter(([line]) => String(line).includes('"receipt-write-failed"')).length;
    logged.mockRestore();
    expect(failures).toBe(Math.floor(N / 2));
    const stored = [...(await storedIds())].filter((id) => !before.has(id));
    expect(queued.length).toBe(Math.floor(N / 2));
    expect(new Set([...stored, ...queued.map((r) => r.id)])).toEqual(new Set(ids));
    expect(stored.length + queued.length).toBe(N);
  });

  it(`should never hand one visitor's consent state to another across ${N} concurrent visitors`, { timeout: budget(N, 40) }, async () => {
    const choices: (string[] | null)[] = [null, [], ["functional"], ["analytics"], ["functional", "analytics"]];
    const visitors = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const granted = choices[i % choices.length]!;
        const consent = granted === null ? "" : `${await consentCookie(westhub, granted)}; `;
        return { i, cf: i % 3 === 0 ? CALIFORNIA : EU, gpc: i % 7 === 0, cookie: `${consent}session=visitor-${i}; _ga=GA1.1.${i}` };
      }),
    );
    const load = async (v: (typeof visitors)[number]) => {
      const headers: Record<string, string> = { cookie: v.cookie, ...(v.gpc ? { "sec-gpc": "1" } : {}) };
      const [page, echo] = await Promise.all([visit(`${SITE}/`, { cf: v.cf, headers }), visit(`${SITE}/echo`, { cf: v.cf, headers })]);
      const html = await page.text();
      return { set: cookiesSet(page), banner: html.includes(`<section id="consentry"`), cookie: (await echoed(echo)).cookie };
    };
    // Each visitor alone first: what they should get.
    const alone = [];
    for (const v of visitors) alone.push(await load(v));
    // Then everybody at once.
    const together = await Promise.all(visitors.map(load));
    for (const v of visitors) {
      expect(together[v.i], `visitor ${v.i}`).toEqual(alone[v.i]);
      // The origin saw this visitor's session, and nobody else's.
      expect(together[v.i]!.cookie?.match(/session=visitor-\d+/g)).toEqual([`session=visitor-${v.i}`]);
    }
    // The states really were mixed.
    expect(new Set(alone.map((a) => JSON.stringify([a.set, a.banner]))).size).toBeGreaterThan(3);
  });
});
