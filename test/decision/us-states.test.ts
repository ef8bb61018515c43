/**
 * The US states whose laws oblige honouring opt-out preference signals, kept as
 * data with their effective dates: each maps to its regime from its date on.
 */
import { describe, expect, it } from "vitest";
import { regimeFor } from "../../src/decision/jurisdiction.ts";
import { inSubdivisionGroup, US_OPT_OUT_SIGNAL_STATES } from "../../src/decision/us-states.ts";
import { variant, westhub, westhubInput, whereby } from "../support/policies.ts";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const at = (region: string) => {
  const [country, sub] = region.split("-");
  return { country: country!, region: sub ?? null, source: "cf" as const };
};

/** A policy whose US default is notice, with the signal states under opt-out. */
const noticeElsewhere = variant(westhubInput, (p) => {
  p.jurisdictions = { rules: [{ regions: ["EEA_UK_CH"], regime: "opt-in" }, { regions: ["US"], regime: "notice" }, { regions: ["US_OPT_OUT_SIGNALS"], regime: "opt-out" }], default: "notice" };
});

describe("US states that require honouring opt-out preference signals", () => {
  it("should list the states whose laws require it, each once, with a law, a citation and a date", () => {
    const regions = US_OPT_OUT_SIGNAL_STATES.map((s) => s.region);
    expect(regions.sort()).toEqual(["US-CA", "US-CO", "US-CT", "US-DE", "US-MD", "US-MN", "US-MT", "US-NE", "US-NH", "US-NJ", "US-OR", "US-TX"]);
    for (const state of US_OPT_OUT_SIGNAL_STATES) {
      expect(state.from, state.region).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(Number.isNaN(Date.parse(state.from)), state.region).toBe(false);
      expect(state.law, state.region).not.toBe("");
      expect(state.citation, state.region).not.toBe("");
    }
  });

  it.each(US_OPT_OUT_SIGNAL_STATES.map((s) => [s.region, s.from] as const))("should map %s (from %s) to the group's regime, and to the country's the day before", (region, from) => {
    expect(regimeFor(noticeElsewhere, at(region), NOW)).toBe("opt-out");
    const dayBefore = Date.parse(`${from}T00:00:00Z`) - 1;
    expect(inSubdivisionGroup("US_OPT_OUT_SIGNALS", region, dayBefore)).toBe(false);
    expect(regimeFor(noticeElsewhere, at(region), dayBefore)).toBe("notice");
    expect(regimeFor(noticeElsewhere, at(region), Date.parse(`${from}T00:00:00Z`))).toBe("opt-out");
  });

  it("should leave states without that duty to the country's rule, and let a rule naming the state itself win", () => {
    for (const region of ["US-VA", "US-UT", "US-WA", "US-NY"]) expect(regimeFor(noticeElsewhere, at(region), NOW), region).toBe("notice");
    expect(regimeFor(noticeElsewhere, at("US"), NOW)).toBe("notice");
    const texasOptIn = variant(westhubInput, (p) => {
      p.jurisdictions.rules = [{ regions: ["US_OPT_OUT_SIGNALS"], regime: "opt-out" }, { regions: ["US-TX"], regime: "opt-in" }];
    });
    expect(regimeFor(texasOptIn, at("US-TX"), NOW)).toBe("opt-in");
    expect(regimeFor(texasOptIn, at("US-CO"), NOW)).toBe("opt-out");
  });

  it.each([
    ["westhub", westhub],
    ["whereby", whereby],
  ] as const)("should put every listed state under opt-out in the %s policy", (_, policy) => {
    for (const state of US_OPT_OUT_SIGNAL_STATES) expect(regimeFor(policy, at(state.region), NOW), state.region).toBe("opt-out");
    expect(policy.jurisdictions.rules.some((r) => r.regions.includes("US_OPT_OUT_SIGNALS"))).toBe(true);
  });

  it("should refuse a misspelt group in a policy", () => {
    expect(() =>
      variant(westhubInput, (p) => {
        p.jurisdictions.rules = [{ regions: ["US_OPT_OUT_SIGNAL" as "EEA"], regime: "opt-out" }];
      }),
    ).toThrow(/regions/);
  });
});
