/**
 * The decision's guarantees, for any valid policy and any visitor: required is
 * always on, forbidden always off, a refusal always stands, silence is refusal
 * where consent is needed, and GPC opts out of what the policy says.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentState } from "../../src/consent/consent-cookie.ts";
import { decide } from "../../src/decision/decide.ts";
import { regimeFor } from "../../src/decision/jurisdiction.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { loadPolicy } from "../../src/policy/load.ts";
import { policyInput } from "../support/arbitraries.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();

/** Valid policies only: the generated files that compile. */
const policies = policyInput([westhubInput, wherebyInput], catalog.vendors.map((v) => v.id))
  .map((data) => {
    try {
      return loadPolicy(`policies/${String(data.id)}.json`, data, catalog);
    } catch {
      return null;
    }
  })
  .filter((p): p is CompiledPolicy => p !== null);

const jurisdiction = fc.constantFrom(
  { country: "DE", region: null, source: "cf" as const },
  { country: "US", region: "CA", source: "cf" as const },
  { country: "US", region: "TX", source: "cf" as const },
  { country: "GB", region: null, source: "cf" as const },
  { country: null, region: null, source: "unknown" as const },
);

describe("the decision, over generated policies and visitors", () => {
  it(`should keep its promises (${RUNS} runs)`, { timeout: budget(RUNS, 3) }, () => {
    fc.assert(
      fc.property(policies.chain((policy) => fc.tuple(fc.constant(policy), fc.subarray([...policy.optionalCategories]), fc.constantFrom("absent", "valid", "stale"), fc.boolean(), fc.boolean(), fc.boolean(), jurisdiction)), ([policy, granted, status, gpc, choiceGpc, dnt, where]) => {
        const route = policy.route(new URL("https://example.com/"));
        const choice = { granted, refused: policy.optionalCategories.filter((c) => !granted.includes(c)), vendors: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: choiceGpc };
        const consent: ConsentState = status === "absent" ? { status, choice: null } : { status, choice };
        const d = decide({ policy, route, consent, gpc, dnt, jurisdiction: where });
        expect(Object.keys(d.categories).sort()).toEqual(policy.categories.map((c) => c.id).sort());
        expect([...d.allowed].sort()).toEqual(Object.entries(d.categories).filter(([, v]) => v.allowed).map(([k]) => k).sort());
        for (const category of policy.categories) {
          const verdict = d.categories[category.id]!;
          if (category.forbidden) expect(verdict).toEqual({ allowed: false, reason: "forbidden" });
          else if (category.required) expect(verdict).toEqual({ allowed: true, reason: "required" });
          else {
            // A refusal stands, stored now or under an older revision.
            if (status !== "absent" && choice.refused.includes(category.id)) expect(verdict.allowed).toBe(false);
            // Silence is refusal where consent is needed.
            const needsConsent = category.alwaysOptIn || regimeFor(policy, where) === "opt-in";
            if (status !== "valid" && needsConsent) expect(verdict.allowed).toBe(false);
            // GPC opts out, unless the visitor said yes while the signal was on (11 CCR §7025(c)(3)).
            if (gpc && policy.gpcOptOut.has(category.id) && !(status === "valid" && choiceGpc && granted.includes(category.id))) expect(verdict.allowed).toBe(false);
          }
        }
        if (d.showBanner) expect(d.hasChoice).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
