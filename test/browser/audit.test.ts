/**
 * The auditors' view of the demo site, recorded as the EDPS Website Evidence
 * Collector records it (support/audit.ts: an instance-level `document.cookie` hook
 * and storage hooks installed before any page script, every request, and the jar
 * and storage read back at the end), browsing every demo page in one session.
 *
 * Directly from the origin, a visitor gets cookies, storage entries and third
 * parties of categories nobody consented to (the control). Through Consentry, a
 * visitor with no choice gets none, whatever the policy and jurisdiction; after
 * "Accept all" the consented ones appear. `npm run audit` prints the same figures.
 */
import { describe, expect, inject, it } from "vitest";
import { acceptAll, auditSession, browse, DEMO_PAGES, figures, policyById, requiredOnly, type Audit } from "./support/audit.ts";
import { useBrowser } from "./support/browser.ts";

const ORIGIN = inject("origin");
const browser = useBrowser();

const unconsented = (audit: Audit) => audit.findings.filter((f) => !f.allowed).map((f) => `${f.kind} ${f.name} (${f.category ?? "unknown"}) on ${f.page}`);

const SITES = [
  ["WestHub, a visitor in Germany", inject("consentryEU"), "westhub"],
  ["WestHub, a visitor in California", inject("consentryCA"), "westhub"],
  ["Whereby, a visitor in Germany", inject("consentryWherebyEU"), "whereby"],
] as const;

describe("the audit tool's evidence", { timeout: 180_000 }, () => {
  it("should find unconsented cookies, storage and third parties on the site alone (the control)", async () => {
    const policy = policyById("westhub");
    const session = await auditSession(browser(), ORIGIN);
    const audit = await browse(session, ORIGIN, DEMO_PAGES, policy, requiredOnly(policy));
    console.log(`audit (the site alone, judged by WestHub's required categories): ${figures(audit)}`);
    await session.context.close();
    const kinds = new Set(audit.findings.filter((f) => !f.allowed).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(["cookie", "host", "storage"]);
    expect(audit.scriptCookies).toEqual(expect.arrayContaining(["_ga", "_fbp"]));
  });

  describe.each(SITES)("through Consentry: %s", (label, site, policyId) => {
    const policy = policyById(policyId);

    it("should find nothing of an unconsented category before any choice", async () => {
      const session = await auditSession(browser(), site);
      const audit = await browse(session, site, DEMO_PAGES, policy);
      console.log(`audit (${label}, no choice): ${figures(audit)}`);
      await session.context.close();
      expect(unconsented(audit)).toEqual([]);
      // The tool's own cookie hook saw only writes the decision allows: the guard wrapped it.
      expect(audit.scriptCookies.filter((name) => !audit.findings.some((f) => f.kind === "cookie" && f.name === name && f.allowed))).toEqual([]);
    });

    it("should find the consented ones after Accept all, and still nothing unconsented", async () => {
      const session = await auditSession(browser(), site);
      await session.page.goto(`${site}/tag-manager`, { waitUntil: "load" });
      await acceptAll(session.page);
      const audit = await browse(session, site, DEMO_PAGES, policy);
      console.log(`audit (${label}, after Accept all): ${figures(audit)}`);
      await session.context.close();
      expect(unconsented(audit)).toEqual([]);
      const optional = audit.findings.filter((f) => f.category !== null && !requiredOnly(policy).has(f.category));
      expect(new Set(optional.map((f) => f.kind))).toEqual(new Set(["cookie", "storage", "host"]));
    });
  });
});
