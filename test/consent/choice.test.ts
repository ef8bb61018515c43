/**
 * A visitor's answer: the posted body checked without a schema library, and the
 * choice made of it. Under Global Privacy Control, a standing opt-out of sale and
 * sharing that neither "Accept all" nor a toggle undoes (11 CCR §7025(c), §7026(k)).
 */
import { describe, expect, it } from "vitest";
import { makeChoice, MAX_VENDOR_GRANTS, parseChoiceRequest } from "../../src/consent/choice.ts";
import { westhub, whereby } from "../support/policies.ts";

describe("parseChoiceRequest", () => {
  it("should take a choice with its defaults", () => {
    expect(parseChoiceRequest({ action: "reject-all" })).toEqual({ ok: true, request: { action: "reject-all", categories: [], vendors: [] } });
    expect(parseChoiceRequest({ action: "custom", categories: ["analytics"], vendors: ["youtube"], return: "/a?b" })).toEqual({
      ok: true,
      request: { action: "custom", categories: ["analytics"], vendors: ["youtube"], return: "/a?b" },
    });
  });

  it("should refuse what is not a choice, naming every problem", () => {
    for (const input of [null, "accept-all", [], 3]) expect(parseChoiceRequest(input)).toEqual({ ok: false, error: "the body must be an object" });
    const result = parseChoiceRequest({ action: "accept", categories: "analytics", vendors: [1], return: 5, extra: true });
    expect(result.ok).toBe(false);
    const lines = (result as { error: string }).error.split("\n");
    expect(lines).toEqual([
      "extra: not a field of a choice",
      "action: must be one of accept-all, reject-all, custom",
      "categories: must be a list of names of at most 32 characters",
      "vendors: must be a list of names of at most 64 characters",
      "return: must be a path of at most 2048 characters",
    ]);
  });

  it("should bound the lists, so a cookie can always carry the choice", () => {
    const vendors = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(parseChoiceRequest({ action: "custom", vendors: vendors(MAX_VENDOR_GRANTS) }).ok).toBe(true);
    expect(parseChoiceRequest({ action: "custom", vendors: vendors(MAX_VENDOR_GRANTS + 1) })).toEqual({ ok: false, error: `vendors: at most ${MAX_VENDOR_GRANTS}` });
    expect(parseChoiceRequest({ action: "custom", categories: ["x".repeat(33)] }).ok).toBe(false);
    expect(parseChoiceRequest({ action: "custom", return: "/".repeat(2049) }).ok).toBe(false);
  });
});

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

describe("vendor grants under GPC", () => {
  it("should not let a vendor switch or a placeholder allow a vendor of a category GPC opts out of", () => {
    const youtube = whereby.vendorById("youtube")!;
    expect(whereby.gpcOptOut.has(youtube.category!)).toBe(true);
    const withSignal = makeChoice(whereby, { action: "custom", categories: [], vendors: ["youtube"] }, meta(true));
    expect(withSignal.ok && withSignal.choice.vendors).toEqual([]);
    const without = makeChoice(whereby, { action: "custom", categories: [], vendors: ["youtube"] }, meta(false));
    expect(without.ok && without.choice.vendors).toEqual(["youtube"]);
  });
});

describe("a vendor allowed by name before GPC was turned on", () => {
  it("should stay refused while the browser sends the signal, and load again without it", async () => {
    const { decide } = await import("../../src/decision/decide.ts");
    const route = whereby.route(new URL("https://whereby.com/"));
    const choice = { granted: [], refused: [...whereby.optionalCategories], vendors: ["youtube"], revision: whereby.revision, time: 0, id: "x".repeat(22), gpc: false };
    const at = (gpc: boolean) =>
      decide({ policy: whereby, route, consent: { status: "valid", choice }, gpc, dnt: false, jurisdiction: { country: "US", region: "CA", source: "cf" } });
    expect([...at(false).vendorGrants]).toEqual(["youtube"]);
    expect([...at(true).vendorGrants]).toEqual([]);
  });
});
