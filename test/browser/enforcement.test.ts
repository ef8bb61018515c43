/**
 * Nothing leaks, measured in a real browser: an EU visitor with no choice loads a
 * page full of real tracker tags through Consentry; no request reaches an
 * unconsented third party and no unconsented cookie is written. After consent,
 * the revived tags load without a reload.
 */
import { describe, expect, inject, it } from "vitest";
import { cookieNames, hosts, trackedPage, useBrowser } from "./support/browser.ts";

const EU = inject("consentryEU");
/** WestHub: fonts are the only third party allowed before consent. */
const REQUIRED_THIRD_PARTIES = ["fonts.googleapis.com"];
const REQUIRED_COOKIES = ["__cf_bm", "session"];

const browser = useBrowser();

describe("an EU visitor on a page full of trackers (WestHub)", () => {
  it("should make no request to an unconsented third party and get no unconsented cookie", async () => {
    const { context, page, thirdParty } = await trackedPage(browser());
    await page.goto(`${EU}/trackers`, { waitUntil: "load" });
    await page.waitForTimeout(300);
    expect(hosts(thirdParty)).toEqual(REQUIRED_THIRD_PARTIES);
    expect(await cookieNames(context)).toEqual(REQUIRED_COOKIES);
    // The page's own inline code still ran.
    expect(await page.evaluate(() => (window as unknown as { __firstParty: string }).__firstParty)).toBe("ran");
    await context.close();
  });

  it("should hold back the same page without JavaScript too (noscript pixel)", async () => {
    const { context, page, thirdParty } = await trackedPage(browser(), { javaScript: false });
    await page.goto(`${EU}/trackers`, { waitUntil: "load" });
    expect(hosts(thirdParty)).toEqual(REQUIRED_THIRD_PARTIES);
    await context.close();
  });

  it("should bring the consented tags back with one reload of the same page, and keep marketing out", async () => {
    const { context, page, thirdParty } = await trackedPage(browser());
    await page.goto(`${EU}/trackers`, { waitUntil: "load" });
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    await Promise.all([
      page.waitForEvent("load"),
      // The page may reload under the call: its promise then never settles in this document.
      page.evaluate(() => void (window as unknown as { consentry: { choose(a: string): Promise<void> } }).consentry.choose("accept-all")),
    ]);
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).length >= 2);

    // A CSP cannot widen inside a document (CSP3 §4.2): the page reloads itself, once, where it was.
    expect(navigations).toBe(1);
    expect(page.url()).toBe(`${EU}/trackers`);
    expect((await page.evaluate(() => (window as unknown as { __trackers: string[] }).__trackers)).sort()).toEqual(["gtag", "hotjar"]);
    // Marketing is "none" in WestHub's policy: accepting everything does not bring it in.
    expect(hosts(thirdParty)).toEqual(["fonts.googleapis.com", "static.hotjar.com", "www.googletagmanager.com"]);
    const cookies = await cookieNames(context);
    expect(cookies).toEqual(expect.arrayContaining(["__Host-consentry", "_ga", "_hjSessionUser_1000000"]));
    expect(cookies).not.toContain("_fbp");
    await context.close();
  });
});

describe("a tag manager injecting further vendors (WestHub)", () => {
  it("should have the guard stop every injected request and cookie before consent", async () => {
    const { context, page, thirdParty } = await trackedPage(browser());
    await page.goto(`${EU}/tag-manager`, { waitUntil: "load" });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __tagManager: string }).__tagManager)).toBe("ran");
    expect(thirdParty.map((u) => u.href)).toEqual([]);
    expect(await cookieNames(context)).toEqual(REQUIRED_COOKIES);
    expect(await page.locator('script[data-src*="static.hotjar.com"][type="text/plain"]').count()).toBe(1);
    await context.close();
  });

  it("should let the injected analytics vendor load once the visitor agrees, never the marketing one", async () => {
    const { context, page, thirdParty } = await trackedPage(browser());
    await page.goto(`${EU}/tag-manager`, { waitUntil: "load" });
    await page.evaluate(() => void (window as unknown as { consentry: { choose(a: string): Promise<void> } }).consentry.choose("accept-all"));
    await page.waitForFunction(() => ((window as unknown as { __trackers?: string[] }).__trackers ?? []).includes("hotjar"));
    expect(hosts(thirdParty)).toEqual(["static.hotjar.com"]);
    await context.close();
  });
});
