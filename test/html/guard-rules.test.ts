/**
 * The rules the client guard gets: one list of names for cookies, storage keys
 * and IndexedDB names, the allowed ones when unknown names are blocked.
 */
import { describe, expect, it } from "vitest";
import { guardCookieRules } from "../../src/html/guard-rules.ts";
import { variant, westhubInput, whereby } from "../support/policies.ts";

const REQUIRED_WHEREBY = new Set(["authentication", "payment"]);

describe("guardCookieRules", () => {
  describe("storage keys the catalog names (cookie names double as keys)", () => {
    it("should leave Google Ads' _gcl_ keys out before consent and admit them once advertising is allowed", () => {
      const before = guardCookieRules(whereby, REQUIRED_WHEREBY);
      expect(before.m).toBe("allow");
      expect(before.p).not.toContain("^_gcl_.+$");
      const after = guardCookieRules(whereby, new Set([...REQUIRED_WHEREBY, "advertising"]));
      expect(after.p).toContain("^_gcl_.+$");
    });
  });

  describe("the policy's own storage rules", () => {
    const policy = variant(westhubInput, (p) => {
      p.storage = [
        { name: "editor-drafts", category: "necessary" },
        { pattern: "^wh_prefs_.+$", category: "functional" },
      ];
    });
    const required = new Set(["necessary", "security"]);

    it("should admit a required key from the first page", () => {
      expect(guardCookieRules(policy, required).n).toContain("editor-drafts");
    });

    it("should admit an optional key only with its category", () => {
      expect(guardCookieRules(policy, required).p).not.toContain("^wh_prefs_.+$");
      expect(guardCookieRules(policy, new Set([...required, "functional"])).p).toContain("^wh_prefs_.+$");
    });

    it("should name what to refuse instead when the policy allows unknown names", () => {
      const open = variant(westhubInput, (p) => {
        p.unknownCookies = "allow";
        p.storage = [{ pattern: "^wh_prefs_.+$", category: "functional" }];
      });
      expect(guardCookieRules(open, required)).toMatchObject({ m: "block", p: expect.arrayContaining(["^wh_prefs_.+$"]) });
      expect(guardCookieRules(open, new Set([...required, "functional"])).p).not.toContain("^wh_prefs_.+$");
    });
  });
});
