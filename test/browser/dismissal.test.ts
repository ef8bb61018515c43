/**
 * Issue 12, point 5 (dismissal), in Chromium under both seed policies: "Continue
 * without accepting" and Escape close the banner as a refusal; while the banner
 * shows, a short page's footer links can still be scrolled into view and clicked.
 */
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { cookieNames, trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();
const trackers = (page: Page) => page.evaluate(() => (window as unknown as { __trackers?: string[] }).__trackers ?? []);

async function receipt(context: BrowserContext, site: string): Promise<{ method: string; choice: Record<string, boolean> }> {
  for (let i = 0; i < 20; i++) {
    const response = await context.request.get(`${site}/_consentry/receipt`, { headers: { accept: "application/json" } });
    if (response.ok()) return response.json();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("no receipt");
}

describe.each([
  ["westhub", inject("consentryEU"), "analytics"],
  ["whereby", inject("consentryWherebyEU"), "advertising"],
])("dismissing the banner under %s", (_, site, optional) => {
  it("should count Escape as a refusal", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/trackers`);
    expect(await page.locator("#consentry").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await page.locator("#consentry").waitFor({ state: "detached" });
    expect(await cookieNames(context)).toContain("__Host-consentry");
    expect(await cookieNames(context)).not.toContain("_ga");
    const r = await receipt(context, site);
    expect(r.method).toBe("reject-all");
    expect(r.choice[optional]).toBe(false);
    await page.goto(`${site}/trackers`);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await trackers(page)).toEqual([]);
    await context.close();
  });

  it("should count 'Continue without accepting' as a refusal, with and without JavaScript", async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await trackedPage(browser(), { javaScript });
      await page.goto(`${site}/pricing`);
      const button = page.getByRole("button", { name: "Continue without accepting" });
      expect(await button.isVisible()).toBe(true);
      await button.click();
      await page.locator("#consentry").waitFor({ state: "detached" });
      const r = await receipt(context, site);
      expect(r.method).toBe("reject-all");
      expect(Object.entries(r.choice).filter(([, on]) => on).length).toBeGreaterThan(0);
      expect(r.choice[optional]).toBe(false);
      await context.close();
    }
  });

  it("should leave a short page's footer links reachable while it shows, on a phone too, with and without JavaScript", async () => {
    for (const [viewport, javaScript] of [
      [{ width: 1280, height: 720 }, true],
      [{ width: 390, height: 700 }, true],
      [{ width: 1280, height: 720 }, false],
      [{ width: 390, height: 700 }, false],
    ] as const) {
      const { context, page } = await trackedPage(browser(), { context: { viewport }, javaScript });
      await page.goto(`${site}/pricing`);
      await page.locator("#consentry summary").click();
      const link = page.locator("footer").getByRole("link", { name: "Cookie policy" });
      await link.scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const box = (await link.boundingBox())!;
      const banner = (await page.locator("#consentry").boundingBox())!;
      expect(box.y + box.height, `${JSON.stringify(viewport)} JavaScript ${javaScript}`).toBeLessThanOrEqual(banner.y);
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent, [box.x + box.width / 2, box.y + box.height / 2]);
      expect(hit).toBe("Cookie policy");
      await Promise.all([page.waitForURL(/\/cookie-policy$/), link.click()]);
      await context.close();
    }
  });
});
