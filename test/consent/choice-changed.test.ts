import { describe, expect, it } from "vitest";
import { sameChoice } from "../../src/consent/choice-changed.ts";
import type { ConsentChoice } from "../../src/consent/consent-cookie.ts";

const base: ConsentChoice = { granted: ["functional", "analytics"], refused: [], vendors: [], revision: 1, time: 100, id: "a".repeat(22), gpc: false };

describe("sameChoice", () => {
  it("should ignore when the choice was made and its receipt id, and the order of categories", () => {
    expect(sameChoice(base, { ...base, time: 999, id: "b".repeat(22), granted: ["analytics", "functional"] })).toBe(true);
  });

  it.each([
    ["a grant", { granted: ["functional"], refused: ["analytics"] }],
    ["the revision", { revision: 2 }],
    ["the GPC flag", { gpc: true }],
  ])("should see a change of %s", (_, change) => {
    expect(sameChoice(base, { ...base, ...change })).toBe(false);
  });

  it("should see a field it does not know about", () => {
    expect(sameChoice(base, { ...base, vendors: ["youtube"] } as ConsentChoice)).toBe(false);
  });
});
