/**
 * Issue 12, point 6 (receipts a person can read), in Chromium under both seed
 * policies: `/_consentry/receipt` is a page with the date in the visitor's
 * language, categories by name, the method and GPC, axe-clean; JSON for
 * `Accept: application/json`.
 */
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();

/** The receipt is written after the response (waitUntil): wait for it. */
async function openReceipt(page: Page, site: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const response = await page.goto(`${site}/_consentry/receipt`);
    if (response?.ok()) return;
    await page.waitForTimeout(250);
  }
  throw new Error("no receipt");
}

const rows = (page: Page) =>
  page.locator("table[data-consentry-receipt]").evaluate((t) => Object.fromEntries([...t.querySelectorAll("tr")].map((tr) => [tr.querySelector("th")!.textContent, tr.querySelector("td")!.textContent])));

describe.each([
  ["westhub", inject("consentryEU"), "Analytics", "Strictly necessary"],
  ["whereby", inject("consentryWherebyEU"), "Advertising", "Authentication"],
])("the receipt under %s", (_, site, refused, required) => {
  it("should read as a page: date, categories by name, method, GPC, and pass axe-core", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/pricing`);
    await page.getByRole("button", { name: "Reject all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await openReceipt(page, site);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Your consent receipt");
    const r = await rows(page);
    expect(r.Date).toMatch(/^[A-Z][a-z]+ \d{1,2}, 20\d\d at \d{1,2}:\d\d [AP]M UTC$/);
    expect(r["How you chose"]).toBe("Reject all");
    expect(r["Not allowed"]).toContain(refused);
    expect(r.Allowed).toContain(required);
    expect(r["Global Privacy Control signal"]).toBe("No");
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    const json = await context.request.get(`${site}/_consentry/receipt`, { headers: { accept: "application/json" } });
    expect(json.headers()["content-type"]).toContain("application/json");
    expect(await json.json()).toMatchObject({ method: "reject-all", gpc: false });
    await context.close();
  });

  it("should write the date in a German visitor's language", async () => {
    const { context, page } = await trackedPage(browser(), { context: { locale: "de-DE" } });
    await page.goto(`${site}/pricing`);
    await page.getByRole("button", { name: "Alle akzeptieren" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await openReceipt(page, site);
    const r = await rows(page);
    expect(r.Datum).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ 20\d\d um \d\d:\d\d UTC$/);
    expect(r["Ihre Wahl"]).toBe("Alle akzeptieren");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await context.close();
  });
});

describe("a GPC visitor's receipt", () => {
  it("should say the signal was sent", async () => {
    const site = inject("consentryCA");
    const { context, page } = await trackedPage(browser(), { headers: { "Sec-GPC": "1" } });
    await page.goto(`${site}/pricing`);
    await page.getByRole("button", { name: "Reject all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    await openReceipt(page, site);
    const r = await rows(page);
    expect(r["Global Privacy Control signal"]).toBe("Yes");
    expect(r["Not allowed"]).toContain("Analytics");
    await context.close();
  });
});
