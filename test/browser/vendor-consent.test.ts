/**
 * Consent per vendor, in real Chromium: a placeholder's button allows that vendor
 * only, not its whole category; the page comes back once (its CSP cannot widen)
 * with that vendor loaded and the rest of the category still refused. And what
 * the browser's allowlist reported along the way.
 */
import { describe, expect, inject, it } from "vitest";
import { hosts, trackedPage, useBrowser } from "./support/browser.ts";

const WHEREBY = inject("consentryWherebyEU");
const browser = useBrowser();

describe("per-vendor consent through a placeholder (Whereby, visitor in Germany)", () => {
  it("should allow YouTube only: Instagram and LinkedIn, of the same category, stay refused", async () => {
    const { context, page, thirdParty } = await trackedPage(browser());
    await page.goto(`${WHEREBY}/embeds`, { waitUntil: "load" });
    expect(hosts(thirdParty)).toEqual([]);
    // The placeholder is the refused iframe's own document.
    const youtube = page.frameLocator('iframe[data-consentry-placeholder="youtube"]');
    expect(await youtube.getByRole("button").textContent()).toBe("Allow YouTube");
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await Promise.all([page.waitForEvent("load"), youtube.getByRole("button").click()]);
    await page.waitForTimeout(300);
    expect(navigations).toBe(1);
    expect(hosts(thirdParty)).toEqual(["www.youtube.com"]);
    expect(await page.locator('[data-consentry-placeholder="youtube"]').count()).toBe(0);
    expect(await page.locator('[data-consentry-placeholder="instagram"]').count()).toBe(1);
    const consent = (await context.cookies()).find((c) => c.name === "__Host-consentry")!;
    expect(consent.value.split(".")[4]).toBe("youtube");
    await context.close();
  });

  it("should do the same without JavaScript: a plain form post and a redirect back", async () => {
    const { context, page, thirdParty } = await trackedPage(browser(), { javaScript: false });
    await page.goto(`${WHEREBY}/embeds`);
    await Promise.all([page.waitForEvent("load"), page.frameLocator('iframe[data-consentry-placeholder="youtube"]').getByRole("button").click()]);
    expect(page.url()).toBe(`${WHEREBY}/embeds`);
    expect(hosts(thirdParty)).toEqual(["www.youtube.com"]);
    await context.close();
  });

  it("should allow one vendor from the banner's second layer, with its own switch, and keep the rest of its category out", async () => {
    for (const javaScript of [true, false]) {
      const { context, page, thirdParty } = await trackedPage(browser(), { javaScript });
      await page.goto(`${WHEREBY}/embeds`, { waitUntil: "load" });
      await page.locator("#consentry summary").click();
      const youtube = page.locator('#consentry input[name="vendor"][value="youtube"]');
      expect(await youtube.isChecked()).toBe(false);
      await youtube.check();
      await Promise.all([page.waitForEvent("load"), page.locator('#consentry button[value="custom"]').click()]);
      await page.waitForTimeout(300);
      expect(hosts(thirdParty), `JavaScript ${javaScript}`).toEqual(["www.youtube.com"]);
      expect(await page.locator('[data-consentry-placeholder="instagram"]').count()).toBe(1);
      const consent = (await context.cookies()).find((c) => c.name === "__Host-consentry")!;
      expect(consent.value.split(".")[4]).toBe("youtube");
      await context.close();
    }
  });

  it("should have the browser report nothing it refused when the rewriting already held it back", async () => {
    const { context, page } = await trackedPage(browser());
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`${WHEREBY}/embeds`, { waitUntil: "load" });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    await context.close();
  });
});

const EU = inject("consentryEU");

describe("a site whose own CSP admits no inline code but its own (WestHub, visitor in Germany)", () => {
  for (const path of ["/hash-csp", "/allowlist-csp"]) {
    it(`should run Consentry's guard and banner and the site's own script, refuse the tracker, and break no policy (${path})`, async () => {
      const { context, page, thirdParty } = await trackedPage(browser());
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${EU}${path}`, { waitUntil: "load" });
      expect(await page.evaluate(() => typeof (window as unknown as { consentry?: unknown }).consentry)).toBe("object");
      expect(await page.evaluate(() => (window as unknown as { __firstParty: string }).__firstParty)).toBe("ran");
      expect(await page.locator("#consentry").isVisible()).toBe(true);
      expect(hosts(thirdParty)).toEqual([]);
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
