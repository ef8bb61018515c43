import { describe, expect, it } from "vitest";
import { ReportLimiter } from "../../src/inventory/report-limiter.ts";

describe("report limiter", () => {
  it("should allow a burst, then the sustained rate", () => {
    let now = 0;
    const limiter = new ReportLimiter({ perSecond: 10, burst: 5, maxRows: 100, now: () => now });
    expect(Array.from({ length: 8 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
    now += 500;
    expect(Array.from({ length: 8 }, () => limiter.take()).filter(Boolean)).toHaveLength(5);
    now += 100;
    expect(limiter.take()).toBe(true);
    expect(limiter.take()).toBe(false);
  });

  it("should admit known rows always and new rows only up to the cap, per policy", () => {
    const limiter = new ReportLimiter({ perSecond: 1, burst: 1, maxRows: 2, now: () => 0 });
    expect([limiter.admit("p", "a"), limiter.admit("p", "b"), limiter.admit("p", "c"), limiter.admit("p", "a"), limiter.admit("q", "c")]).toEqual([true, true, false, true, true]);
  });
});
