/**
 * Enforcement visible from outside and in the logs: every shaped response names
 * the policy and mode that answered (`Consentry: policy=westhub; mode=enforce`),
 * and a sample of enforced responses logs each refusal as a `refused` line.
 */
import { env } from "cloudflare:workers";
import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { checkBindings } from "../../src/config/check-bindings.ts";
import { parseRefusalLogRate } from "../../src/config/refusal-log-rate.ts";
import type { AppEnv, Env } from "../../src/env.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import { loadRegistry } from "../../src/policy/load.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";
import { EU, visit } from "../support/visitor.ts";

const registry = (() => {
  const data = structuredClone(westhubInput);
  data.routes!.unshift({ pattern: "/pricing", mode: "report-only" }, { pattern: "/cookie-policy", mode: "off" });
  return loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
})();

function app(logs: string[], random: () => number): Hono<AppEnv> {
  return createApp({ registry, transformHtml: createPageRewriter(), log: (line) => logs.push(line), random });
}

const call = (a: Hono<AppEnv>, path: string, bindings: Partial<Env> = {}) =>
  a.fetch(new Request(`https://westhub.app${path}`, { cf: EU, redirect: "manual" } as RequestInit), { ...env, ...bindings });

const parsed = (logs: string[]) => logs.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the Consentry header", () => {
  it("should name the policy and the mode on every shaped response", async () => {
    const a = app([], () => 0.5);
    expect((await call(a, "/")).headers.get("consentry")).toBe("policy=westhub; mode=enforce");
    expect((await call(a, "/pricing")).headers.get("consentry")).toBe("policy=westhub; mode=report-only");
    expect((await call(a, "/cookie-policy")).headers.get("consentry")).toBe("policy=westhub; mode=off");
    expect((await call(a, "/logo.png")).headers.get("consentry")).toBe("policy=westhub; mode=enforce");
  });

  it("should be on the deployed Worker's answers", async () => {
    const response = await visit("https://westhub.app/");
    expect(response.headers.get("consentry")).toBe("policy=westhub; mode=enforce");
    await response.body?.cancel();
  });
});

describe("sampled refusal logs in enforce mode", () => {
  it("should log every refusal of a sampled response as a refused line with the rate", async () => {
    const logs: string[] = [];
    const response = await call(app(logs, () => 0.005), "/");
    await response.text();
    const lines = parsed(logs).filter((l) => l.consentry === "refused");
    expect(lines).toContainEqual(expect.objectContaining({ consentry: "refused", sample: 0.01, action: "strip-set-cookie", cookie: "_ga", category: "analytics", reason: "no-choice", policy: "westhub", path: "/" }));
    expect(lines).toContainEqual(expect.objectContaining({ consentry: "refused", sample: 0.01, action: "neutralise-script", host: "www.googletagmanager.com", reason: "no-choice" }));
    expect(lines).toContainEqual(expect.objectContaining({ consentry: "refused", action: "strip-set-cookie", cookie: "mystery", reason: "unknown" }));
  });

  it("should log nothing for a response outside the sample, and follow REFUSAL_LOG_RATE", async () => {
    const outside: string[] = [];
    await (await call(app(outside, () => 0.5), "/")).text();
    expect(parsed(outside).filter((l) => l.consentry === "refused")).toEqual([]);
    const all: string[] = [];
    await (await call(app(all, () => 0.5), "/", { REFUSAL_LOG_RATE: "1" })).text();
    expect(parsed(all).filter((l) => l.consentry === "refused").length).toBeGreaterThan(5);
    const none: string[] = [];
    await (await call(app(none, () => 0), "/", { REFUSAL_LOG_RATE: "0" })).text();
    expect(parsed(none).filter((l) => l.consentry === "refused")).toEqual([]);
  });

  it("should refuse a rate that is not a share from 0 to 1", () => {
    expect(parseRefusalLogRate(undefined)).toBe(0.01);
    expect(parseRefusalLogRate("0.25")).toBe(0.25);
    for (const bad of ["2", "-0.1", "1%", "abc"]) expect(() => parseRefusalLogRate(bad)).toThrow(/REFUSAL_LOG_RATE must be a share from 0 to 1/);
    expect(checkBindings({ REFUSAL_LOG_RATE: "5" }, ["westhub"])).toEqual([`REFUSAL_LOG_RATE must be a share from 0 to 1 (0.01: one response in a hundred), not "5"`]);
  });
});
