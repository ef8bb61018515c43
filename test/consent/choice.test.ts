import { describe, expect, it } from "vitest";
import { MAX_VENDOR_GRANTS, parseChoiceRequest } from "../../src/consent/choice.ts";

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
