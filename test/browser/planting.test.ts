/**
 * Planting a consent cookie, in real Chromium: the browser itself keeps anyone
 * but this host over HTTPS (and loopback, which Chromium treats as secure) from
 * writing `__Host-consentry`, and a planted copy under the old unprefixed name
 * grants nothing.
 */
import { describe, expect, inject, it } from "vitest";
import { cookieNames, hosts, trackedPage, useBrowser } from "./support/browser.ts";

const EU = inject("consentryEU");
const browser = useBrowser();

/** A validly signed "accept all", minted by an attacker in a browser of their own. */
async function mintAcceptAll(): Promise<string> {
  const { context, page } = await trackedPage(browser());
  await page.goto(`${EU}/pricing`);
  await page.getByRole("button", { name: "Accept all" }).click();
  await page.waitForFunction(() => document.querySelector("#consentry") === null);
  const value = (await context.cookies()).find((c) => c.name === "__Host-consentry")?.value;
  await context.close();
  expect(value).toMatch(/^2\.1\.functional~analytics\.\.\./);
  return value!;
}

describe("planting a consent cookie", () => {
  it("should set the choice as __Host-consentry, which Chromium accepts on loopback over plain HTTP", async () => {
    expect((await mintAcceptAll()).length).toBeGreaterThan(40);
  });

  it("should grant nothing from a planted unprefixed copy, however validly signed", async () => {
    const value = await mintAcceptAll();
    const { context, page, thirdParty } = await trackedPage(browser());
    // What a sibling subdomain (Domain=) or a script on the page could write.
    await context.addCookies([{ name: "consentry", value, domain: "127.0.0.1", path: "/" }]);
    await page.goto(`${EU}/trackers`);
    expect(await page.locator("#consentry").isVisible()).toBe(true);
    expect(hosts(thirdParty)).toEqual(["fonts.googleapis.com"]);
    expect(await cookieNames(context)).toEqual(["__cf_bm", "consentry", "session"]);
    await context.close();
  });

  it("should leave a script unable to write __Host-consentry without Secure, or on another path", async () => {
    const value = await mintAcceptAll();
    const { context, page } = await trackedPage(browser());
    // A response Consentry does not rewrite (JSON), so no client guard stands between the script and the jar.
    await page.goto(`${EU}/echo`);
    expect(await page.evaluate(() => document.querySelector("script[data-consentry-guard]"))).toBeNull();
    await page.evaluate((v) => {
      // What a network attacker's plain-HTTP response, or a copy scoped to a path, would carry.
      // (A Domain attribute is refused too on a named host; on an IP address Chromium reads Domain=<that IP> as host-only.)
      document.cookie = `__Host-consentry=${v}; Path=/`;
      document.cookie = `__Host-consentry=${v}; Path=/billing; Secure`;
      // The control: with every attribute __Host- demands, a script's write does land.
      document.cookie = "__Host-control=1; Path=/; Secure";
    }, value);
    const names = await cookieNames(context);
    expect(names).toContain("__Host-control");
    expect(names).not.toContain("__Host-consentry");
    await context.close();
  });
});
