import { describe, expect, it } from "vitest";
import { clientKey, createClientLimiter } from "../../src/http/client-limit.ts";

const from = (ip?: string) => new Request("https://westhub.app/_consentry/consent", { method: "POST", headers: ip === undefined ? {} : { "cf-connecting-ip": ip } });

describe("client limit", () => {
  it("should count per client within a window, then start over", async () => {
    let now = 0;
    const limit = createClientLimiter({ limit: 2, windowMs: 1000, now: () => now });
    expect([await limit(from("a"), undefined), await limit(from("a"), undefined), await limit(from("a"), undefined)]).toEqual([true, true, false]);
    expect(await limit(from("b"), undefined)).toBe(true);
    now = 1000;
    expect(await limit(from("a"), undefined)).toBe(true);
  });

  it("should count clients without an address together", () => {
    expect(clientKey(from())).toBe("unknown");
    expect(clientKey(from(" 203.0.113.1 "))).toBe("203.0.113.1");
  });

  it("should ask the rate-limit binding when there is one, and count itself when the binding fails", async () => {
    const keys: string[] = [];
    const binding = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: key !== "blocked" }) } as RateLimit;
    const limit = createClientLimiter({ limit: 1 });
    expect(await limit(from("blocked"), binding)).toBe(false);
    expect(await limit(from("fine"), binding)).toBe(true);
    expect(await limit(from("fine"), binding)).toBe(true);
    expect(keys).toEqual(["blocked", "fine", "fine"]);
    const broken = { limit: () => Promise.reject(new Error("down")) } as unknown as RateLimit;
    expect([await limit(from("c"), broken), await limit(from("c"), broken)]).toEqual([true, false]);
  });

  it("should stay bounded in memory however many clients there are", async () => {
    const limit = createClientLimiter({ limit: 1, maxClients: 2 });
    for (const ip of ["a", "b", "c"]) await limit(from(ip), undefined);
    // The table started over when full: "a" is counted afresh.
    expect(await limit(from("a"), undefined)).toBe(true);
  });
});
