import { describe, expect, it } from "vitest";
import { assignVendorIds } from "../../../scripts/catalog/vendor-ids.ts";

describe("assignVendorIds", () => {
  it("should keep a key's normalised id when it is the only one to have it", () => {
    expect(assignVendorIds(["google_analytics", "51.la"], new Set()).ids).toEqual(new Map([["google_analytics", "google-analytics"], ["51.la", "51-la"]]));
  });

  it("should number keys that normalise alike, the kebab-case one first, whatever the order", () => {
    const expected = new Map([["web-stat", "web-stat"], ["web.stat", "web-stat-2"], ["web_stat", "web-stat-3"]]);
    expect(assignVendorIds(["web.stat", "web_stat", "web-stat"], new Set()).ids).toEqual(expected);
    expect(assignVendorIds(["web-stat", "web_stat", "web.stat"], new Set()).ids).toEqual(expected);
  });

  it("should not number into an id another key has", () => {
    const { ids } = assignVendorIds(["king.com", "king_com", "king-com-2"], new Set());
    expect(new Set(ids.values()).size).toBe(3);
    expect(ids.get("king-com-2")).toBe("king-com-2");
  });

  it("should leave a key that is a curated vendor to the caller, and number the others", () => {
    const { ids, reserved } = assignVendorIds(["Hot_Jar", "hotjar", "Hotjar"], new Set(["hotjar"]));
    expect(reserved).toEqual(new Map([["hotjar", "hotjar"]]));
    expect(ids).toEqual(new Map([["Hotjar", "hotjar-2"], ["Hot_Jar", "hot-jar"]]));
  });
});
