/**
 * Issue 12, point 3 (Consent Mode v2 after consent), in Chromium under both seed
 * policies: a page with Google tags carries `gtag('consent','default',…)` before
 * the site's own `config`, denied before a choice and granted as the choice says
 * on every later page, after "Accept all".
 */
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();

/** The dataLayer's commands, in order, as plain arrays. */
const commands = (page: Page) =>
  page.evaluate(() => ((window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? []).map((entry) => Array.from(entry as unknown as unknown[]).map((v) => (v instanceof Date ? "date" : v))));

async function defaults(page: Page): Promise<Record<string, string>> {
  const all = await commands(page);
  const index = all.findIndex((c) => c[0] === "consent" && c[1] === "default");
  expect(index).toBeGreaterThanOrEqual(0);
  // Before any Google tag command of the site's (gtag('js'), gtag('config')).
  const firstTag = all.findIndex((c) => c[0] === "js" || c[0] === "config");
  expect(firstTag).toBeGreaterThan(index);
  return all[index]![2] as Record<string, string>;
}

describe.each([
  ["westhub", inject("consentryEU"), { analytics_storage: "granted", functionality_storage: "granted", ad_storage: "denied", ad_user_data: "denied" }],
  ["whereby", inject("consentryWherebyEU"), { analytics_storage: "granted", ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted" }],
] as const)("Consent Mode under %s (Germany)", (_, site, granted) => {
  it("should write denied defaults before a choice and the granted state on later pages after 'Accept all'", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${site}/`);
    expect(await defaults(page)).toMatchObject({ analytics_storage: "denied", ad_storage: "denied", security_storage: "granted" });
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    // The in-place update for this page (the guard's `update`, or the reload's new defaults).
    await page.waitForFunction(() => ((window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? []).some((e) => e[0] === "consent" && (e[1] === "update" || (e[1] === "default" && (e[2] as Record<string, string>).analytics_storage === "granted"))));
    for (const path of ["/", "/pricing", "/trackers"]) {
      await page.goto(`${site}${path}`);
      expect(await page.locator("#consentry").count()).toBe(0);
      expect(await defaults(page), path).toMatchObject({ ...granted, security_storage: "granted" });
    }
    await context.close();
  });
});
