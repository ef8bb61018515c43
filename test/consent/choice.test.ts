/**
 * A visitor's answer under Global Privacy Control: a standing opt-out of sale and
 * sharing that neither "Accept all" nor a toggle undoes (11 CCR §7025(c), §7026(k)).
 */
import { describe, expect, it } from "vitest";
import { makeChoice } from "../../src/consent/choice.ts";
import { westhub, whereby } from "../support/policies.ts";

const meta = (gpc: boolean) => ({ now: 1, id: "a".repeat(22), gpc });

describe("makeChoice", () => {
  it("should grant every optional category on 'Accept all' without the signal", () => {
    const made = makeChoice(whereby, { action: "accept-all", categories: [], vendors: [] }, meta(false));
    expect(made.ok && made.choice.granted).toEqual([...whereby.optionalCategories]);
  });

  it.each([
    ["westhub", westhub],
    ["whereby", whereby],
  ] as const)("should grant only the categories GPC does not opt out of on 'Accept all' with the signal (%s)", (_, policy) => {
    const made = makeChoice(policy, { action: "accept-all", categories: [], vendors: [] }, meta(true));
    if (!made.ok) throw new Error(made.error);
    expect(made.choice.granted).toEqual(policy.optionalCategories.filter((c) => !policy.gpcOptOut.has(c)));
    expect(made.choice.refused).toEqual(expect.arrayContaining([...policy.gpcOptOut]));
    expect(made.choice.gpc).toBe(true);
  });

  it("should not let a posted toggle switch on what GPC opts out of", () => {
    const made = makeChoice(whereby, { action: "custom", categories: ["analysis", "advertising", "integrations"], vendors: [] }, meta(true));
    expect(made.ok && made.choice.granted).toEqual(["integrations"]);
  });
});
