import { describe, expect, it } from "vitest";
import { isUsablePrefix, readOpenCookieDatabase, retentionText } from "../../../scripts/catalog/sources.ts";

const HEADER = "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match";

describe("reading the Open Cookie Database", () => {
  it("should read a row, mapping its category and collapsing white space", () => {
    const rows = readOpenCookieDatabase(`${HEADER}\nid-1,Google Analytics,Analytics,_gac_ ,,"Campaign\n  data",90 Days,Google,https://x.test,1\n`);
    expect(rows).toEqual([
      { id: "id-1", platform: "Google Analytics", category: "analytics", name: "_gac_", prefix: true, domain: "", description: "Campaign data", retention: "90 days", controller: "Google" },
    ]);
  });

  it("should keep prefixes too short to trust as exact names", () => {
    expect(isUsablePrefix("_gac_")).toBe(true);
    expect(isUsablePrefix("mp_")).toBe(true);
    expect(isUsablePrefix("s_vi")).toBe(true);
    expect(isUsablePrefix("cap")).toBe(false);
    expect(isUsablePrefix("CT")).toBe(false);
    expect(isUsablePrefix("P_")).toBe(false);
    const [row] = readOpenCookieDatabase(`${HEADER}\nid-2,Adform,Marketing,CT,,,1 hour,Adform,,1\n`);
    expect(row).toMatchObject({ name: "CT", prefix: false });
  });

  it("should settle the case of plain retention periods and leave the rest as written", () => {
    expect(retentionText("Session")).toBe("session");
    expect(retentionText("Sessions")).toBe("session");
    expect(retentionText("1 Year")).toBe("1 year");
    expect(retentionText("Unknown")).toBe("");
    expect(retentionText("End of session (browser)")).toBe("End of session (browser)");
  });

  it("should stop on a missing column or a wildcard flag that is not 0 or 1", () => {
    expect(() => readOpenCookieDatabase("ID,Platform\n1,x\n")).toThrow(/column "Category" is missing/);
    expect(() => readOpenCookieDatabase(`${HEADER}\nid-3,X,Analytics,a,,,,,,yes\n`)).toThrow(/"Wildcard match" is "yes"/);
  });
});
