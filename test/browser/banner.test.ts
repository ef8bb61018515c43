/**
 * The banner and the consent flow in real Chromium: without JavaScript (a plain
 * form answered with 303), with JavaScript (in place, no reload), reopening the
 * settings, withdrawal deleting cookies, a GPC visitor, a strict CSP site,
 * keyboard-only use and axe-core. Screenshots for the docs are written with
 * UPDATE_SCREENSHOTS=1 (`npm run screenshots`).
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { cookieNames, hosts, trackedPage, useBrowser } from "./support/browser.ts";

const EU = inject("consentryEU");
const CA = inject("consentryCA");
const REQUIRED_COOKIES = ["__cf_bm", "session"];

const browser = useBrowser();

/** Counts top-level navigations from now on. */
function navigations(page: Page): () => number {
  let count = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) count += 1;
  });
  return () => count;
}

const trackers = (page: Page) => page.evaluate(() => (window as unknown as { __trackers?: string[] }).__trackers ?? []);

async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include !== undefined) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("without JavaScript", () => {
  it("should accept with a plain form post, come back to the same page, and let the consented cookies through", async () => {
    const { context, page } = await trackedPage(browser(), { javaScript: false });
    await page.goto(`${EU}/pricing?plan=pro`);
    expect(await page.locator("#consentry").isVisible()).toBe(true);
    expect(await cookieNames(context)).toEqual(REQUIRED_COOKIES);
    await Promise.all([page.waitForURL(`${EU}/pricing?plan=pro`), page.getByRole("button", { name: "Accept all" }).click()]);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await page.locator("#consentry-settings").isVisible()).toBe(true);
    // The reloaded page's response carried the analytics and functional cookies; marketing stays out (WestHub uses none).
    expect(await cookieNames(context)).toEqual(expect.arrayContaining(["__Host-consentry", "_ga", "theme"]));
    expect(await cookieNames(context)).not.toContain("_fbp");
    await context.close();
  });

  it("should reject with one click as easily, leaving only the required cookies and the choice", async () => {
    const { context, page, thirdParty } = await trackedPage(browser(), { javaScript: false });
    await page.goto(`${EU}/trackers`);
    await Promise.all([page.waitForURL(`${EU}/trackers`), page.getByRole("button", { name: "Reject all" }).click()]);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await cookieNames(context)).toEqual(["__Host-consentry", "__cf_bm", "session"]);
    expect(hosts(thirdParty)).toEqual(["fonts.googleapis.com"]);
    await context.close();
  });
});

describe("with JavaScript", () => {
  it("should save the choice, and bring the tags back with one reload since the page's CSP cannot widen", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/trackers`);
    const count = navigations(page);
    expect(await trackers(page)).toEqual([]);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).includes("hotjar"));
    expect(count()).toBe(1);
    expect(page.url()).toBe(`${EU}/trackers`);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await trackers(page)).toEqual(expect.arrayContaining(["gtag", "hotjar"]));
    expect(await trackers(page)).not.toContain("meta");
    expect(await page.locator("#consentry-settings").isVisible()).toBe(true);
    expect(await cookieNames(context)).toEqual(expect.arrayContaining(["__Host-consentry", "_ga"]));
    await context.close();
  });

  it("should expire the revoked cookies and reload when consent narrows in place", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/trackers`);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).includes("hotjar"));
    expect(await cookieNames(context)).toEqual(expect.arrayContaining(["_ga", "_hjSessionUser_1000000"]));
    // The reload "Accept all" brought must have finished loading, or its own `load` would be taken for the next one.
    await page.waitForLoadState("load");
    const count = navigations(page);
    await Promise.all([
      page.waitForEvent("load"),
      page.evaluate(() => (window as unknown as { consentry: { choose(a: string): Promise<void> } }).consentry.choose("reject-all")),
    ]);
    expect(count()).toBe(1);
    const left = await cookieNames(context);
    for (const revoked of ["_ga", "_hjSessionUser_1000000"]) expect(left).not.toContain(revoked);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await trackers(page)).toEqual([]);
    await context.close();
  });

  it("should reopen the settings with the current choice, and withdrawing should delete the revoked cookies", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/trackers`);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).includes("hotjar"));
    expect(await cookieNames(context)).toEqual(expect.arrayContaining(["_ga", "_hjSessionUser_1000000"]));

    await page.locator("#consentry-settings").click();
    await page.waitForURL(/\/_consentry\/settings\?return=%2Ftrackers/);
    const analytics = page.getByRole("checkbox", { name: /^Analytics/ });
    expect(await analytics.isChecked()).toBe(true);
    await analytics.uncheck();
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: "Save choices" }).click()]);
    expect(await page.getByRole("checkbox", { name: /^Analytics/ }).isChecked()).toBe(false);
    const left = await cookieNames(context);
    expect(left).not.toContain("_ga");
    expect(left).not.toContain("_hjSessionUser_1000000");
    expect(left).toContain("__Host-consentry");

    await page.getByRole("link", { name: "Back to the site" }).click();
    await page.waitForURL(`${EU}/trackers`);
    await page.waitForTimeout(300);
    expect(await trackers(page)).toEqual([]);
    await context.close();
  });

  it("should open the settings from the site's own link path", async () => {
    const { context, page } = await trackedPage(browser());
    const response = await page.goto(`${EU}/_consentry/settings`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Cookie settings for WestHub");
    await context.close();
  });

  it("should work with the keyboard alone, with a visible focus", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`);
    const count = navigations(page);
    let focused = "";
    for (let i = 0; i < 6 && focused !== "Reject all"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    }
    expect(focused).toBe("Reject all");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await page.locator("#consentry").waitFor({ state: "detached" });
    expect(count()).toBe(0);
    expect(await cookieNames(context)).toContain("__Host-consentry");
    await context.close();
  });
});

describe("a visitor whose browser sends Global Privacy Control (California)", () => {
  it("should say the signal was honoured, show its toggles off, and keep analytics cookies out", async () => {
    const { context, page } = await trackedPage(browser(), { headers: { "Sec-GPC": "1" } });
    await page.goto(`${CA}/pricing`);
    expect(await page.locator("#consentry [role=status][data-gpc]").textContent()).toContain("Opt-out preference signal honoured");
    await page.locator("#consentry summary").click();
    expect(await page.getByRole("checkbox", { name: /^Analytics/ }).isChecked()).toBe(false);
    expect(await cookieNames(context)).not.toContain("_ga");
    const gpc = await page.request.get(`${CA}/.well-known/gpc.json`);
    expect(await gpc.json()).toMatchObject({ gpc: true });
    await context.close();
  });

  it("should leave analytics on for the same visitor without the signal (opt-out regime)", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${CA}/pricing`);
    expect(await page.locator("#consentry [data-gpc]").count()).toBe(0);
    await page.locator("#consentry summary").click();
    expect(await page.getByRole("checkbox", { name: /^Analytics/ }).isChecked()).toBe(true);
    expect(await cookieNames(context)).toContain("_ga");
    await context.close();
  });
});

describe("a site with a strict nonce-based CSP", () => {
  it("should run the guard and the banner under the page's nonce, with no CSP violation", async () => {
    const { context, page } = await trackedPage(browser());
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${EU}/strict-csp`);
    const count = navigations(page);
    await page.getByRole("button", { name: "Accept all" }).click();
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).includes("gtag"));
    // Consent allowed hosts this page's CSP refused: one reload, and the site's own policy still governs the new page.
    expect(count()).toBe(1);
    expect(await page.locator("#consentry").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __firstParty: string }).__firstParty)).toBe("ran");
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("accessibility (axe-core)", () => {
  it("should find no violation on the banner, its second layer and the settings page", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`);
    expect(await axe(page, "#consentry")).toEqual([]);
    await page.locator("#consentry summary").click();
    expect(await page.getByRole("checkbox", { name: /^Analytics/ }).isVisible()).toBe(true);
    expect(await axe(page, "#consentry")).toEqual([]);
    await page.goto(`${EU}/_consentry/settings?return=%2Fpricing`);
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it("should pass in dark mode too", async () => {
    const { context, page } = await trackedPage(browser(), { context: { colorScheme: "dark" } });
    await page.goto(`${EU}/pricing`);
    await page.locator("#consentry summary").click();
    expect(await axe(page, "#consentry")).toEqual([]);
    await context.close();
  });
});

describe("screenshots", () => {
  const shots: [string, Parameters<typeof trackedPage>[1]][] = [
    ["banner-light", { context: { viewport: { width: 1280, height: 800 } } }],
    ["banner-dark", { context: { viewport: { width: 1280, height: 800 }, colorScheme: "dark" } }],
    ["banner-phone", { context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } }],
  ];
  it.each(shots)("should render %s without shifting the page", async (name, options) => {
    const { context, page } = await trackedPage(browser(), options);
    await page.goto(`${EU}/`);
    const box = await page.locator("#consentry").boundingBox();
    const viewport = page.viewportSize()!;
    // Fixed at the bottom, inside the viewport: the page under it does not move.
    expect(await page.locator("#consentry").evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync("docs", { recursive: true });
      writeFileSync(`docs/${name}.png`, png);
    }
    await context.close();
  });
});
