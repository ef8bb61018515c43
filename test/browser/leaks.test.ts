/**
 * Nothing leaks, measured in real Chromium on a hostile page set
 * (demo/hostile/vectors.ts): every way a page can make a browser reach a third
 * party. For each vector, loaded directly from the origin it must leak (else the
 * vector is broken and proves nothing); loaded through Consentry for a visitor in
 * Germany under WestHub, who has not chosen, nothing may reach a third party
 * (the vectors use no host WestHub allows before consent); the same after "Reject
 * all". After "Accept all", the consented vendors load, after the page's own reload.
 */
import { describe, expect, inject, it } from "vitest";
import { VECTORS } from "../../demo/hostile/vectors.ts";
import { measure, type Load } from "./support/leaks.ts";
import { useBrowser } from "./support/browser.ts";

const ORIGIN = inject("origin");
const EU = inject("consentryEU");
const browser = useBrowser();

const describeLoads = (loads: readonly Load[]) => loads.map((l) => `${l.kind} ${l.url}`);

describe("the hostile page set, directly from the origin (the control)", () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))("%s leaks without Consentry", async (id, vector) => {
    const { loads, context } = await measure(browser(), `${ORIGIN}${vector.path}`);
    await context.close();
    expect(loads.filter((l) => l.cv?.startsWith(id)), `${vector.what}: ${JSON.stringify(describeLoads(loads))}`).not.toEqual([]);
  });
});

describe("the hostile page set through Consentry: an EU visitor with no choice (WestHub)", () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))("%s reaches no third party", async (_, vector) => {
    const { loads, context } = await measure(browser(), `${EU}${vector.path}`);
    await context.close();
    expect(describeLoads(loads), vector.what).toEqual([]);
  });

  it.each(VECTORS.filter((v) => v.group === "markup").map((v) => [v.id, v] as const))("%s reaches no third party without JavaScript either", async (_, vector) => {
    const { loads, context } = await measure(browser(), `${EU}${vector.path}`, { javaScript: false });
    await context.close();
    expect(describeLoads(loads), vector.what).toEqual([]);
  });

  it("should keep the page working: its own script runs", async () => {
    const { page, context } = await measure(browser(), `${EU}/hostile/img-srcset`);
    expect(await page.evaluate(() => (window as unknown as { __firstParty?: string }).__firstParty)).toBe("ran");
    await context.close();
  });
});

describe("after a choice", () => {
  it("should keep every vector out after Reject all", { timeout: 180_000 }, async () => {
    const { page, context, all } = await measure(browser(), `${EU}/hostile/img-srcset`);
    // Refusing changes nothing on this page: the banner goes, in place.
    await page.getByRole("button", { name: "Reject all" }).click();
    await page.locator("#consentry").waitFor({ state: "detached" });
    for (const vector of VECTORS) {
      await page.goto(`${EU}${vector.path}`, { waitUntil: "load", timeout: 15_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
    }
    expect(describeLoads(all())).toEqual([]);
    await context.close();
  });

  it("should load the consented vendors after Accept all, once the page has reloaded itself, and never the forbidden ones", async () => {
    const { page, context, loads, all } = await measure(browser(), `${EU}/hostile/rt-tag-manager`);
    expect(loads).toEqual([]);
    let reloads = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) reloads += 1;
    });
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Accept all" }).click()]);
    await page.waitForTimeout(500);
    expect(reloads).toBe(1);
    // WestHub: analytics (Hotjar) now loads; marketing (Meta) is forbidden; hosts nobody classified stay refused.
    expect([...new Set(all().map((l) => l.host))].sort()).toEqual(["static.hotjar.com"]);
    await context.close();
  });
});
