import { env } from "cloudflare:workers";
import { escapeHtml } from "../../src/html/escape.ts";
import { describe, expect, it } from "vitest";
import { readReceipt } from "../../src/receipts/receipt-store.ts";
import { westhub } from "../support/policies.ts";
import { CALIFORNIA, consentCookie, cookiesExpired, visit } from "../support/visitor.ts";

const SITE = "https://westhub.app";
const sameOrigin = { origin: SITE, "sec-fetch-site": "same-origin" };

/** Chooses through the consent endpoint as the banner's script does; returns the consent cookie and the answer. */
async function choose(body: Record<string, unknown>, cf = {}) {
  const response = await visit(`${SITE}/_consentry/consent`, { method: "POST", headers: { ...sameOrigin, "content-type": "application/json" }, body: JSON.stringify(body), ...cf });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!.split(";")[0]!;
  return { cookie, answer: (await response.json()) as { receipt: string } };
}

async function receiptOf(cookie: string): Promise<Response> {
  // The write runs after the response (waitUntil): give it a moment.
  for (let i = 0; i < 50; i++) {
    const response = await visit(`${SITE}/_consentry/receipt`, { headers: { cookie } });
    if (response.status === 200) return response;
    await new Promise((r) => setTimeout(r, 20));
  }
  return visit(`${SITE}/_consentry/receipt`, { headers: { cookie } });
}

describe("Consentry's own endpoints", () => {
  it("should serve /.well-known/gpc.json as the GPC spec says", async () => {
    const response = await visit(`${SITE}/.well-known/gpc.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ gpc: true, lastUpdate: westhub.gpc.lastUpdate });
  });

  describe("proof of consent", () => {
    it("should write a receipt for every choice that the visitor can read back, with nothing about them", async () => {
      const { cookie, answer } = await choose({ action: "custom", categories: ["analytics"] });
      const response = await receiptOf(cookie);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const receipt = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(receipt).sort()).toEqual(["choice", "country", "gpc", "id", "method", "policy", "regime", "revision", "time", "vendors"]);
      expect(receipt).toMatchObject({ id: answer.receipt, policy: "westhub", method: "custom", regime: "opt-in", country: "DE", choice: { analytics: true, functional: false, marketing: false, necessary: true } });
    });

    it("should record a GPC visitor's choice as made by the signal", async () => {
      const response = await visit(`${SITE}/_consentry/consent`, {
        method: "POST",
        cf: CALIFORNIA,
        headers: { ...sameOrigin, "content-type": "application/json", "sec-gpc": "1" },
        body: JSON.stringify({ action: "reject-all" }),
      });
      const cookie = response.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!.split(";")[0]!;
      expect(await (await receiptOf(cookie)).json()).toMatchObject({ method: "gpc", gpc: true, regime: "opt-out", country: "US-CA" });
    });

    it("should answer 404 to a browser without a choice, and never read another's receipt", async () => {
      expect((await visit(`${SITE}/_consentry/receipt`)).status).toBe(404);
      const forged = (await consentCookie(westhub, ["analytics"])).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      expect((await visit(`${SITE}/_consentry/receipt`, { headers: { cookie: forged } })).status).toBe(404);
    });

    it("should erase the record and the choice with it, for same-site requests only", async () => {
      const { cookie, answer } = await choose({ action: "accept-all" });
      expect((await receiptOf(cookie)).status).toBe(200);
      const crossSite = await visit(`${SITE}/_consentry/receipt/erase`, { method: "POST", headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
      expect(crossSite.status).toBe(403);
      expect(await readReceipt(env.RECEIPTS!, answer.receipt)).not.toBeNull();

      const form = new URLSearchParams({ return: "/_consentry/settings?return=%2Fpricing" });
      const erased = await visit(`${SITE}/_consentry/receipt/erase`, {
        method: "POST",
        headers: { cookie: `${cookie}; _ga=GA1.1.1.1`, ...sameOrigin, "content-type": "application/x-www-form-urlencoded" },
        body: form,
      });
      expect(erased.status).toBe(303);
      expect(erased.headers.get("location")).toBe("/_consentry/settings?return=%2Fpricing&erased=1");
      expect(cookiesExpired(erased)).toEqual(expect.arrayContaining(["__Host-consentry", "consentry", "_ga"]));
      expect(await readReceipt(env.RECEIPTS!, answer.receipt)).toBeNull();
      expect((await visit(`${SITE}/_consentry/receipt`, { headers: { cookie } })).status).toBe(404);
    });
  });

  describe("the settings page", () => {
    it("should show the current choice, its receipt, toggles as chosen, and the declaration, under a strict CSP", async () => {
      const cookie = await consentCookie(westhub, ["analytics"]);
      const response = await visit(`${SITE}/_consentry/settings?return=%2Fpricing`, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'; img-src 'self'; form-action 'self'/);
      const html = await response.text();
      expect(html).toContain(`<html lang="en">`);
      expect(html).toMatch(/Chosen on \d{4}-\d\d-\d\d\. Receipt <a href="\/_consentry\/receipt"><code>[A-Za-z0-9_-]{22}<\/code><\/a>\./);
      expect(html).toMatch(/id="cy-analytics" name="category" value="analytics" checked>/);
      expect(html).toMatch(/id="cy-functional" name="category" value="functional">/);
      expect(html).toContain(`<details open>`);
      expect(html).toContain(`<input type="hidden" name="return" value="/_consentry/settings?return=%2Fpricing&amp;saved=1">`);
      expect(html).toContain(`<a href="/pricing">Back to the site</a>`);
      expect(html).toContain(`<table class="consentry-cookies"`);
      expect(html).not.toContain("<script");
    });

    it("should say there is no choice yet, and speak the visitor's language", async () => {
      const en = await (await visit(`${SITE}/_consentry/settings`)).text();
      expect(en).toContain("You have not made a choice yet.");
      const fr = await (await visit(`${SITE}/_consentry/settings`, { headers: { "accept-language": "fr-CH, fr;q=0.9" } })).text();
      expect(fr).toContain(`<html lang="fr">`);
      expect(fr).not.toContain("You have not made a choice yet.");
    });

    it("should not send a visitor back off the site", async () => {
      const html = await (await visit(`${SITE}/_consentry/settings?return=https%3A%2F%2Fevil.example%2F`)).text();
      expect(html).toContain(`<a href="/">Back to the site</a>`);
    });

    it("should open at the site's own cookie-settings path instead of the origin's page", async () => {
      const response = await visit("https://whereby.com/user/cookie-settings");
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Cookie settings for Whereby");
    });
  });

  it("should serve the cookie declaration as a page", async () => {
    const html = await (await visit(`${SITE}/_consentry/cookies`)).text();
    expect(html).toContain("Cookies used on WestHub");
    // The consent cookie under the name the browser really holds.
    expect(html).toContain("<code>__Host-consentry</code>");
    for (const cookie of westhub.declaredCookies) if (cookie.name !== undefined) expect(html).toContain(`<code>${cookie.name}</code>`);
    // What each category is for: the banner on the site's pages names them and links here.
    for (const category of westhub.categories) expect(html).toContain(`<dt>${escapeHtml(category.label)}</dt><dd>${escapeHtml(category.description)}</dd>`);
  });
});
