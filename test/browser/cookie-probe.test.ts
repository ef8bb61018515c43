/**
 * Sites test that cookies work by writing one and reading it back (Modernizr's
 * `cookies` test, the BBC's consent prompt), and hide content or features when
 * the test fails. The guard drops writes of unconsented cookies; it keeps them
 * for the document that wrote them, so the page's own reads see them, while the
 * browser never stores or sends them. WestHub, a visitor in Germany, no choice.
 */
import { describe, expect, inject, it } from "vitest";
import { cookieNames, trackedPage, useBrowser } from "./support/browser.ts";

const EU = inject("consentryEU");
const browser = useBrowser();

describe("a page's own cookie test (WestHub, visitor in Germany)", () => {
  it("should see its refused test cookie in this document only: never stored, never sent", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    const before = await cookieNames(context);
    const probe = await page.evaluate(() => {
      // Modernizr's cookies test, verbatim in substance.
      document.cookie = "cookietest=1";
      const seen = document.cookie.indexOf("cookietest=") !== -1;
      document.cookie = "cookietest=1; expires=Thu, 01-Jan-1970 00:00:01 GMT";
      const afterDelete = document.cookie.indexOf("cookietest=") !== -1;
      document.cookie = "ckns_test=2; path=/; max-age=3600";
      return { seen, afterDelete, kept: document.cookie.includes("ckns_test=2") };
    });
    expect(probe).toEqual({ seen: true, afterDelete: false, kept: true });
    // The browser holds none of them, and the next request carries none.
    expect(await cookieNames(context)).toEqual(before);
    const echo = await page.evaluate(async () => (await (await fetch("/echo")).json()) as { headers: Record<string, string> });
    expect(echo.headers.cookie ?? "").not.toContain("ckns_test");
    // A new document starts with nothing kept.
    await page.reload({ waitUntil: "load" });
    expect(await page.evaluate(() => document.cookie.includes("ckns_test"))).toBe(false);
    await context.close();
  });

  it("should still write a consented cookie for real and show it once", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    // `csrftoken` is strictly necessary under WestHub.
    const cookie = await page.evaluate(() => {
      document.cookie = "csrftoken=abc; path=/";
      return document.cookie;
    });
    expect(cookie.match(/csrftoken=abc/g)).toHaveLength(1);
    expect(await cookieNames(context)).toContain("csrftoken");
    await context.close();
  });
});
