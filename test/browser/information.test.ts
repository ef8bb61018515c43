/**
 * Issue 12, point 1 (information), in Chromium under both seed policies: the
 * first layer links the privacy policy and the cookie policy and names the
 * purposes; the cookie declaration (its own page, and the site's
 * `[data-consent-cookie-table]`) gives every cookie a purpose, a provider, a
 * lifetime and a domain.
 */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();
const SITES = [
  ["westhub", inject("consentryEU"), "https://westhub.app/privacy", "Purposes: Functional, Analytics; Always on: Strictly necessary, Security"],
  ["whereby", inject("consentryWherebyEU"), "https://www.whereby.com/information/tos/privacy-policy/", "Purposes: "],
] as const;

/** The declaration's rows as cell texts, by column header. */
async function declaration(page: Page, table: string): Promise<Record<string, string>[]> {
  return page.locator(table).evaluate((el) => {
    const heads = [...el.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
    return [...el.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [heads[i], (td.textContent ?? "").trim()])));
  });
}

describe.each(SITES)("information under %s", (_, site, privacy, purposes) => {
  it("should link the privacy policy and the cookie policy on the first layer and name the purposes there", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/pricing`);
    const banner = page.locator("#consentry");
    // Visible before any click: the second layer stays closed.
    expect(await banner.locator("details").getAttribute("open")).toBeNull();
    expect(await banner.getByRole("link", { name: "Privacy policy" }).getAttribute("href")).toBe(privacy);
    expect(await banner.getByRole("link", { name: "Cookie policy" }).isVisible()).toBe(true);
    const line = banner.locator("[data-purposes]");
    expect(await line.isVisible()).toBe(true);
    expect(await line.textContent()).toContain(purposes);
    await context.close();
  });

  it("should give every cookie in the declaration a purpose, a provider, a lifetime and a domain", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/_consentry/cookies`);
    const rows = await declaration(page, "table.consentry-cookies");
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["Name", "Category", "Set by", "Purpose", "Lifetime", "Domain"]);
      for (const [column, value] of Object.entries(row)) expect(value, `${row.Name} ${column}`).not.toBe("");
      expect(row.Domain).toBe("127.0.0.1");
    }
    expect(rows[0]).toMatchObject({ Name: "__Host-consentry", Lifetime: "182 days" });
    // The catalog's facts where the policy gives none; "Not stated" only where neither says (WestHub's own first-party names).
    expect(rows.filter((r) => r.Lifetime !== "Not stated").length).toBeGreaterThan(10);
    await context.close();
  });

  it("should fill the site's own cookie list with the same columns", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/cookie-policy`);
    const rows = await declaration(page, "[data-consent-cookie-table] table");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.Lifetime !== undefined && r.Lifetime !== "" && r.Purpose !== "")).toBe(true);
    await context.close();
  });
});

describe("a vendor's cookie under Whereby", () => {
  it("should read its lifetime and purpose from the Open Cookie Database", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${inject("consentryWherebyEU")}/_consentry/cookies`);
    const rows = await declaration(page, "table.consentry-cookies");
    expect(rows.find((r) => r.Name === "_ga")).toMatchObject({ "Set by": "Google Analytics", Lifetime: "2 years", Purpose: "ID used to identify users" });
    expect(rows.find((r) => r.Name === "_fbp")).toMatchObject({ "Set by": "Meta Pixel", Lifetime: "4 months" });
    await context.close();
  });
});
