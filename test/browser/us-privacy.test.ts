/**
 * Issue 12, point 2 (United States), in Chromium: the "Your Privacy Choices" link
 * with the CCPA opt-out icon under opt-out regimes (California under WestHub,
 * Texas under Whereby), absent under opt-in (Germany, both policies); a GPC
 * visitor is offered consent for the other categories only, and "Accept all"
 * does not undo the signal.
 */
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { cookieNames, trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();
const trackers = (page: Page) => page.evaluate(() => (window as unknown as { __trackers?: string[] }).__trackers ?? []);

describe.each([
  ["westhub, California", inject("consentryCA")],
  ["whereby, Texas", inject("consentryWherebyTX")],
])("the opt-out link under %s", (_, site) => {
  it("should show 'Your Privacy Choices' with the opt-out icon on the first layer, leading to the choices", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/pricing`);
    const link = page.locator("#consentry").getByRole("link", { name: "Your Privacy Choices" });
    expect(await link.isVisible()).toBe(true);
    const icon = link.locator("svg");
    expect(await icon.isVisible()).toBe(true);
    expect(await icon.boundingBox()).toMatchObject({ width: 30, height: 14 });
    expect((await new AxeBuilder({ page }).include("#consentry").analyze()).violations.map((v) => v.id)).toEqual([]);
    await Promise.all([page.waitForURL(/\/_consentry\/settings\?return=%2Fpricing/), link.click()]);
    expect(await page.getByRole("button", { name: "Save choices" }).isVisible()).toBe(true);
    await context.close();
  });

  it("should stay on every page as the persistent control once the visitor has chosen", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/pricing`);
    await page.getByRole("button", { name: "Reject all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await page.goto(`${site}/`);
    const control = page.locator("#consentry-settings");
    expect(await control.isVisible()).toBe(true);
    expect(await control.textContent()).toBe("Your Privacy Choices");
    expect(await control.locator("svg").isVisible()).toBe(true);
    await context.close();
  });
});

describe.each([
  ["westhub", inject("consentryEU")],
  ["whereby", inject("consentryWherebyEU")],
])("under opt-in (%s, Germany)", (_, site) => {
  it("should show no opt-out link and no icon, before and after the choice", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/pricing`);
    expect(await page.getByRole("link", { name: "Your Privacy Choices" }).count()).toBe(0);
    expect(await page.locator("[data-consentry-ui] svg, #consentry svg").count()).toBe(0);
    await page.getByRole("button", { name: "Reject all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    expect(await page.locator("#consentry-settings").textContent()).toBe("Cookie settings");
    await context.close();
  });
});

describe("a visitor whose browser sends Global Privacy Control", () => {
  it("should offer consent only for what the signal leaves open, and 'Accept all' should not undo it (Whereby, Texas)", async () => {
    const site = inject("consentryWherebyTX");
    const { context, page } = await trackedPage(browser(), { headers: { "Sec-GPC": "1" } });
    await page.goto(`${site}/`);
    await page.locator("#consentry summary").click();
    for (const name of [/^Analysis/, /^Advertising/]) {
      const box = page.getByRole("checkbox", { name });
      expect(await box.isChecked()).toBe(false);
      expect(await box.isDisabled()).toBe(true);
    }
    expect(await page.getByRole("checkbox", { name: /^Integrations/ }).isEnabled()).toBe(true);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await page.goto(`${site}/`);
    await page.waitForTimeout(300);
    expect(await trackers(page)).toEqual([]);
    const cookies = await cookieNames(context);
    expect(cookies).toContain("__Host-consentry");
    for (const name of ["_ga", "_fbp"]) expect(cookies).not.toContain(name);
    const settings = await context.request.get(`${site}/_consentry/settings`, { headers: { "Sec-GPC": "1" } });
    const html = await settings.text();
    expect(html).toMatch(/id="cy-integrations" name="category" value="integrations" checked>/);
    expect(html).toMatch(/id="cy-analysis" disabled>/);
    await context.close();
  });

  it("should keep analytics off after 'Accept all' under WestHub in California", async () => {
    const site = inject("consentryCA");
    const { context, page } = await trackedPage(browser(), { headers: { "Sec-GPC": "1" } });
    await page.goto(`${site}/trackers`);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await page.goto(`${site}/trackers`);
    await page.waitForTimeout(300);
    expect(await trackers(page)).not.toContain("gtag");
    expect(await cookieNames(context)).not.toContain("_ga");
    await context.close();
  });
});
