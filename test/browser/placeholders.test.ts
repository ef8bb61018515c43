/**
 * Placeholders on real layouts, in real Chromium: a refused iframe keeps the size
 * and place the site's markup and CSS give it (attributes, stylesheet, a
 * responsive wrapper, aspect-ratio), its placeholder fills it, names the vendor,
 * offers that vendor only and is accessible; an embed's placeholder takes the
 * embed's size. After "Accept all" the page ends as it is without Consentry.
 * Whereby's policy (YouTube needs consent, and may be given) for a visitor in Germany.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { LAYOUT_FRAMES } from "../../demo/layouts/embeds.ts";
import { useBrowser } from "./support/browser.ts";
import { replay } from "./support/realpages.ts";
import { standIn } from "./support/leaks.ts";

const ORIGIN = inject("origin");
const WHEREBY = inject("consentryWherebyEU");
const PATH = "/layouts/embeds";
const browser = useBrowser();

type Box = { x: number; y: number; width: number; height: number };

async function open(url: string, javaScript = true): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser().newContext({ javaScriptEnabled: javaScript });
  await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : standIn(route)));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  return { page, close: () => context.close() };
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).boundingBox();
  expect(found, selector).not.toBeNull();
  return found!;
}

const rounded = (b: Box) => ({ x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) });

describe("placeholders on real layouts (Whereby, visitor in Germany, no choice)", () => {
  it.each(Object.entries(LAYOUT_FRAMES))("should keep the %s iframe's size and place (sized by %s), the placeholder filling it", async (id) => {
    const direct = await open(`${ORIGIN}${PATH}`);
    const expected = rounded(await box(direct.page, `#${id}`));
    await direct.close();
    expect(expected.width).toBeGreaterThan(100);
    const through = await open(`${WHEREBY}${PATH}`);
    const frame = await box(through.page, `#${id}`);
    expect(rounded(frame)).toEqual(expected);
    // The placeholder is the frame's document, and fills it.
    const placeholder = await through.page.frameLocator(`#${id}`).locator(".consentry-placeholder").boundingBox();
    expect(rounded(placeholder!)).toEqual(expected);
    expect(await through.page.locator(`#${id}`).getAttribute("data-consentry-placeholder")).toBe("youtube");
    await through.close();
  });

  it("should give an embed's placeholder the embed's size", async () => {
    const direct = await open(`${ORIGIN}${PATH}`);
    const expected = rounded(await box(direct.page, "#embed"));
    await direct.close();
    const through = await open(`${WHEREBY}${PATH}`);
    const placeholder = rounded(await box(through.page, 'form[data-consentry-placeholder="youtube"]'));
    expect({ width: placeholder.width, height: placeholder.height }).toEqual({ width: expected.width, height: expected.height });
    expect(await through.page.locator("#embed").isHidden()).toBe(true);
    await through.close();
  });

  it("should name the vendor and offer that vendor only, with and without JavaScript", async () => {
    for (const javaScript of [true, false]) {
      const { page, close } = await open(`${WHEREBY}${PATH}`, javaScript);
      const frame = page.frameLocator("#css-sized");
      expect(await frame.getByRole("button").textContent()).toBe("Allow YouTube");
      // A landmark named after the frame (its title), saying which vendor it waits for.
      expect(await frame.getByRole("form", { name: "CSS-sized video" }).isVisible()).toBe(true);
      expect(await frame.getByText("YouTube content is blocked").isVisible()).toBe(true);
      expect(await page.locator("#css-sized").getAttribute("title")).toBe("CSS-sized video");
      await close();
    }
  });

  it("should be accessible: axe finds nothing in the page and its placeholder frames", async () => {
    const { page, close } = await open(`${WHEREBY}${PATH}`);
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await close();
  });

  it("should bring the page back, after Accept all, to the state it has without Consentry: same requests, errors and text", async () => {
    const run = await replay(browser(), ORIGIN, WHEREBY, PATH);
    expect(run.before.requests).toEqual([]);
    expect(run.reloaded).toBe(true);
    expect(run.after).not.toBeNull();
    expect([...run.after!.requests].sort()).toEqual([...run.direct.requests].sort());
    expect(run.direct.requests.some((url) => url.startsWith("https://www.youtube.com/embed/"))).toBe(true);
    expect(run.after!.errors).toEqual(run.direct.errors);
    expect(run.after!.text).toBe(run.direct.text);
    expect(run.before.text).toBe(run.direct.text);
  });
});
