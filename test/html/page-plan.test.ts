import { describe, expect, it } from "vitest";
import { allowlistFor } from "../../src/allowlist/allowlist.ts";
import { decide } from "../../src/decision/decide.ts";
import { pagePlan } from "../../src/html/page-plan.ts";
import type { GuardConfig } from "../../src/wire.ts";
import { westhub } from "../support/policies.ts";

function context(country: string, region: string | null, granted?: string[]) {
  const policy = westhub;
  const route = policy.route(new URL(`https://${policy.hosts[0]}/`));
  const consent =
    granted === undefined
      ? { status: "absent" as const, choice: null }
      : { status: "valid" as const, choice: { granted, refused: [], vendors: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } };
  const decision = decide({ policy, route, consent, gpc: false, dnt: false, jurisdiction: { country, region, source: "cf" } });
  return { policy, route, decision };
}

const guardConfig = (code: string): GuardConfig => JSON.parse(/\}\)\((\{"h".*\})\);?$/s.exec(code)![1]!) as GuardConfig;

describe("the guard's hosts (src/html/page-plan.ts)", () => {
  it("should name the allowed hosts where the allowlist is short (opt-in, no choice)", () => {
    const c = context("DE", null);
    const config = guardConfig(pagePlan(c).guardCode);
    expect(config.h).toBe(allowlistFor(c).hosts.join(" "));
    expect(config.h!.length).toBeLessThanOrEqual(512);
    expect(config.b).toBe("");
  });

  it("should name no host where both lists are long and the allowlist is closed: the CSP refuses the rest", () => {
    const c = context("DE", null, [...westhub.optionalCategories]);
    const list = allowlistFor(c);
    expect(list.open).toBe(false);
    expect(list.hosts.join(" ").length).toBeGreaterThan(512);
    const config = guardConfig(pagePlan(c).guardCode);
    expect(config).toMatchObject({ h: null, b: "" });
    // The page still carries the guard: categories are refused, unknown cookies blocked.
    expect(pagePlan(c).refuses).toBe(true);
  });
});
