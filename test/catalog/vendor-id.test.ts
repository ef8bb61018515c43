import { describe, expect, it } from "vitest";
import { toVendorId } from "../../src/catalog/vendor-id.ts";

describe("toVendorId", () => {
  it.each([
    ["google_analytics", "google-analytics"],
    ["Ad.Agio", "ad-agio"],
    ["51.la", "51-la"],
    ["[24]7", "24-7"],
    ["Société Générale", "societe-generale"],
    ["__x__", "x"],
    ["日本", "vendor"],
  ])("should turn %s into %s", (key, id) => {
    expect(toVendorId(key)).toBe(id);
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
