import { describe, expect, it } from "vitest";
import { assertBindings, checkBindings, ConfigError } from "../../src/config/check-bindings.ts";
import { DEFAULT_ORIGIN_TIMEOUT_MS, parseOriginTimeout } from "../../src/config/origin-timeout.ts";

const POLICIES = ["westhub", "whereby"];

describe("checkBindings", () => {
  it("should accept the bindings that can work, and none at all", () => {
    expect(checkBindings({ POLICY: "westhub", ORIGIN_URL: "http://127.0.0.1:8788", ORIGIN_TIMEOUT_MS: "5000" }, POLICIES)).toEqual([]);
    expect(checkBindings({}, POLICIES)).toEqual([]);
    expect(checkBindings({ ORIGIN_URL: "" }, POLICIES)).toEqual([]);
  });

  it("should name every problem, one sentence each", () => {
    expect(checkBindings({ POLICY: "westhb", ORIGIN_URL: "origin.example.com", ORIGIN_TIMEOUT_MS: "0" }, POLICIES)).toEqual([
      'POLICY "westhb" names no policy (policies/ has: westhub, whereby)',
      'ORIGIN_URL "origin.example.com" is not an http(s) URL',
      'ORIGIN_TIMEOUT_MS must be a whole number of milliseconds from 1 to 300000, not "0"',
    ]);
  });

  it("should match POLICY exactly: no case folding, no trimming", () => {
    expect(checkBindings({ POLICY: "WestHub" }, POLICIES)).toHaveLength(1);
    expect(checkBindings({ POLICY: " westhub" }, POLICIES)).toHaveLength(1);
    expect(checkBindings({ POLICY: "" }, POLICIES)).toHaveLength(1);
  });

  it("should throw one ConfigError whose stack is its message alone", () => {
    expect(() => assertBindings({ POLICY: "nope" }, POLICIES)).toThrow(ConfigError);
    try {
      assertBindings({ POLICY: "nope", ORIGIN_TIMEOUT_MS: "x" }, POLICIES);
    } catch (error) {
      expect((error as Error).message).toMatch(/^Consentry cannot start: POLICY "nope" names no policy .*; ORIGIN_TIMEOUT_MS must be/);
      expect((error as Error).stack).not.toContain("\n");
    }
  });
});

describe("parseOriginTimeout", () => {
  it.each([
    [undefined, DEFAULT_ORIGIN_TIMEOUT_MS],
    ["", DEFAULT_ORIGIN_TIMEOUT_MS],
    ["1", 1],
    ["300000", 300_000],
  ])("should read %j as %i ms", (value, ms) => {
    expect(parseOriginTimeout(value)).toBe(ms);
  });

  it("should wait at most 30 s by default", () => {
    expect(DEFAULT_ORIGIN_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
  });

  it.each(["0", "-5", "1.5", "30s", "1e3", "300001", "Infinity"])("should refuse %j", (value) => {
    expect(() => parseOriginTimeout(value)).toThrow(RangeError);
  });
});
