import { describe, expect, it } from "vitest";
import { jurisdictionLabel, regimeFor, resolveJurisdiction } from "../../src/decision/jurisdiction.ts";
import { westhub, westhubInput, variant } from "../support/policies.ts";

describe("jurisdiction", () => {
  describe("resolveJurisdiction", () => {
    it("should read country and region from request.cf", () => {
      expect(resolveJurisdiction({ country: "US", regionCode: "CA" }, undefined)).toEqual({ country: "US", region: "CA", source: "cf" });
    });

    it("should treat missing, XX and Tor (T1) as unknown", () => {
      for (const cf of [undefined, {}, { country: "XX" }, { country: "T1" }, { country: 42 }]) {
        expect(resolveJurisdiction(cf, undefined).country).toBeNull();
      }
    });

    it("should let COUNTRY_OVERRIDE win, and do nothing when unset or empty", () => {
      expect(resolveJurisdiction({ country: "US" }, "DE")).toEqual({ country: "DE", region: null, source: "override" });
      expect(resolveJurisdiction({ country: "DE" }, "us-ca")).toEqual({ country: "US", region: "CA", source: "override" });
      expect(resolveJurisdiction({ country: "US" }, "")).toMatchObject({ country: "US", source: "cf" });
      expect(resolveJurisdiction({ country: "US" }, undefined)).toMatchObject({ country: "US", source: "cf" });
    });

    it("should label jurisdictions for logs and receipts", () => {
      expect(jurisdictionLabel({ country: "US", region: "CA", source: "cf" })).toBe("US-CA");
      expect(jurisdictionLabel({ country: null, region: null, source: "unknown" })).toBe("unknown");
    });
  });

  describe("regimeFor", () => {
    const at = (country: string | null, region: string | null = null) => regimeFor(westhub, { country, region, source: "cf" });

    it("should cover the EEA, the UK and Switzerland, not only the EU (isEUCountry)", () => {
      for (const country of ["DE", "FR", "IE", "NO", "IS", "LI", "GB", "CH"]) expect(at(country)).toBe("opt-in");
    });

    it("should use the default elsewhere and the strictest regime for unknown countries", () => {
      expect(at("US", "CA")).toBe("opt-out");
      expect(at("BR")).toBe("opt-out");
      expect(at(null)).toBe("opt-in");
    });

    it("should prefer a subdivision rule over a country rule over a group, whatever their order", () => {
      const p = variant(westhubInput, (input) => {
        input.jurisdictions = {
          rules: [
            { regions: ["EEA"], regime: "opt-in" },
            { regions: ["US"], regime: "notice" },
            { regions: ["US-CA"], regime: "opt-out" },
            { regions: ["DE"], regime: "opt-out" },
          ],
          default: "notice",
        };
      });
      expect(regimeFor(p, { country: "US", region: "CA", source: "cf" })).toBe("opt-out");
      expect(regimeFor(p, { country: "US", region: "TX", source: "cf" })).toBe("notice");
      expect(regimeFor(p, { country: "DE", region: null, source: "cf" })).toBe("opt-out");
      expect(regimeFor(p, { country: "FR", region: null, source: "cf" })).toBe("opt-in");
    });
  });
});
