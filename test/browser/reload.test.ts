/**
 * The reload after consent (a CSP cannot widen inside a document) must not change
 * what the page sees: a script's reload makes the page its own referrer, and ad
 * and analytics code read `document.referrer` (a real page threw on it, and the
 * first pageview after consent would lose its traffic source). WestHub, a visitor
 * in Germany: "Accept all" on /trackers allows analytics hosts, so the page reloads.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { trackedPage, useBrowser } from "./support/browser.ts";

const EU = inject("consentryEU");
const browser = useBrowser();

async function acceptAndReload(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent("load"), page.locator("#consentry").getByRole("button", { name: "Accept all" }).click()]);
}

describe("the reload after Accept all", () => {
  for (const referrer of ["https://search.example/?q=northwind", ""]) {
    it(`should keep the page's referrer (${referrer === "" ? "none" : referrer})`, async () => {
      const { context, page } = await trackedPage(browser());
      await page.goto(`${EU}/trackers`, { waitUntil: "load", ...(referrer === "" ? {} : { referer: referrer }) });
      expect(await page.evaluate(() => document.referrer)).toBe(referrer);
      await acceptAndReload(page);
      expect(await page.locator("#consentry").count()).toBe(0);
      expect(await page.evaluate(() => document.referrer)).toBe(referrer);
      // Once only: the next load of the page in this tab is a plain one.
      expect(await page.evaluate(() => sessionStorage.getItem("consentry"))).toBeNull();
      await context.close();
    });
  }
});
