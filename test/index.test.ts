/**
 * Both seed policies end to end, through the Worker as deployed, against the demo
 * origin over real HTTP. The origin sets: session, __cf_bm (required), theme
 * (functional), wh_aid (WestHub analytics), _ga (Google Analytics), _fbp (Meta),
 * mystery (declared nowhere).
 */
import { describe, expect, it } from "vitest";
import { westhub, whereby } from "./support/policies.ts";
import { CALIFORNIA, consentCookie, cookiesExpired, cookiesSet, echoed, EU, visit } from "./support/visitor.ts";

const ALL_SET = ["session", "__cf_bm", "theme", "wh_aid", "_ga", "_fbp", "mystery"];
const BROWSER_COOKIES = "session=s1; theme=dark; wh_aid=u-1; _ga=GA1.1.1.1; _fbp=fb.1.1.1; mystery=1";

describe("WestHub (policies/westhub.json)", () => {
  describe("an EU visitor", () => {
    it("with no choice gets only strictly necessary and security cookies", async () => {
      const response = await visit("https://westhub.app/");
      expect(response.status).toBe(200);
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("with no choice sends the origin only required cookies", async () => {
      const headers = await echoed(await visit("https://westhub.app/echo", { headers: { cookie: BROWSER_COOKIES } }));
      expect(headers.cookie).toBe("session=s1");
    });

    it('who chose "all" gets functional and analytics, but never marketing (WestHub has none)', async () => {
      const cookie = await consentCookie(westhub, ["functional", "analytics"]);
      const response = await visit("https://westhub.app/", { headers: { cookie } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm", "theme", "wh_aid", "_ga"]);
      await response.text();
      const headers = await echoed(await visit("https://westhub.app/echo", { headers: { cookie: `${cookie}; ${BROWSER_COOKIES}` } }));
      // Consentry's own cookie stays with Consentry; marketing and unknown cookies never reach the origin.
      expect(headers.cookie).toBe("session=s1; theme=dark; wh_aid=u-1; _ga=GA1.1.1.1");
    });

    it("with a partial choice gets exactly what was chosen", async () => {
      const cookie = await consentCookie(westhub, ["functional"]);
      const response = await visit("https://westhub.app/", { headers: { cookie } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm", "theme"]);
      await response.text();
    });

    it("with a forged cookie is treated as having no choice", async () => {
      const real = await consentCookie(westhub, ["functional"]);
      const forged = real.replace(/\.functional\./, ".functional~analytics.");
      expect(forged).not.toBe(real);
      const response = await visit("https://westhub.app/", { headers: { cookie: forged } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("who withdrew consent has the cookies of revoked categories expired on the next response", async () => {
      const cookie = await consentCookie(westhub, ["functional"]);
      const response = await visit("https://westhub.app/pricing", { headers: { cookie: `${cookie}; ${BROWSER_COOKIES}` } });
      expect(cookiesExpired(response).sort()).toEqual(["_ga", "_fbp", "wh_aid"].sort());
      // Unknown cookies are kept from the origin, not deleted: they may be the site's own.
      expect(cookiesExpired(response)).not.toContain("mystery");
      await response.text();
    });
  });

  describe("a California visitor", () => {
    it("without GPC gets analytics under the opt-out regime", async () => {
      const response = await visit("https://westhub.app/", { cf: CALIFORNIA });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm", "theme", "wh_aid", "_ga"]);
      await response.text();
    });

    it("with GPC is opted out of analytics, and the origin still sees Sec-GPC", async () => {
      const response = await visit("https://westhub.app/", { cf: CALIFORNIA, headers: { "sec-gpc": "1" } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm", "theme"]);
      await response.text();
      const headers = await echoed(await visit("https://westhub.app/echo", { cf: CALIFORNIA, headers: { "sec-gpc": "1" } }));
      expect(headers["sec-gpc"]).toBe("1");
    });

    it("should ignore a Sec-GPC value other than 1", async () => {
      const response = await visit("https://westhub.app/", { cf: CALIFORNIA, headers: { "sec-gpc": "yes" } });
      expect(cookiesSet(response)).toContain("wh_aid");
      await response.text();
    });
  });

  describe("the billing route", () => {
    const stripe = `c=${encodeURIComponent("__stripe_mid=m1; Path=/")}`;

    it("should let Stripe's cookie through on the billing pages", async () => {
      const response = await visit(`https://westhub.app/billing/fixture/set-cookie?${stripe}`);
      expect(cookiesSet(response)).toEqual(["__stripe_mid"]);
      await response.text();
    });

    it("should strip it everywhere else, whatever the visitor chose", async () => {
      const cookie = await consentCookie(westhub, ["functional", "analytics"]);
      const response = await visit(`https://westhub.app/fixture/set-cookie?${stripe}`, { headers: { cookie } });
      expect(cookiesSet(response)).toEqual([]);
      await response.text();
    });
  });
});

describe("Whereby (policies/whereby.json)", () => {
  // Whereby declares no __cf_bm; the catalog knows it as Cloudflare's bot-management cookie
  // (Open Cookie Database: Functional, i.e. strictly necessary), which Whereby maps to a required category.
  it("should give an EU visitor with no choice no analysis or advertising cookie, only what the catalog knows as necessary", async () => {
    const response = await visit("https://whereby.com/");
    expect(cookiesSet(response)).toEqual(["__cf_bm"]);
    await response.text();
  });

  it("should map Google Analytics to analysis and Meta to advertising", async () => {
    const cookie = await consentCookie(whereby, ["analysis"]);
    const response = await visit("https://whereby.com/", { headers: { cookie } });
    expect(cookiesSet(response)).toEqual(["__cf_bm", "_ga"]);
    await response.text();
  });

  it("should ask a California visitor before advertising, which is consent-based everywhere", async () => {
    const response = await visit("https://whereby.com/", { cf: CALIFORNIA });
    expect(cookiesSet(response)).toEqual(["__cf_bm", "_ga"]);
    await response.text();
  });

  it("should give a California visitor with GPC neither analysis nor advertising", async () => {
    const response = await visit("https://whereby.com/", { cf: CALIFORNIA, headers: { "sec-gpc": "1" } });
    expect(cookiesSet(response)).toEqual(["__cf_bm"]);
    await response.text();
  });

  it("should give everything consented to with 'all', in the EU", async () => {
    const cookie = await consentCookie(whereby, ["analysis", "integrations", "advertising"]);
    const response = await visit("https://whereby.com/", { cf: EU, headers: { cookie } });
    expect(cookiesSet(response)).toEqual(["__cf_bm", "_ga", "_fbp"]);
    await response.text();
  });
});
