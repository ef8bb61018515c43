/**
 * A branded banner in real Chromium: the page UI the Worker writes for a policy
 * with `banner.brand` (its own colours, font, radius, top position and logo),
 * rendered by the Worker's own modules, checked with axe-core in light and dark
 * (a brand's colours hold in both), at the top of the page and in the flow.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import "urlpattern-polyfill";
import { describe, expect, it } from "vitest";
import { pageUiHtml } from "../../src/banner/page-ui.ts";
import { catalog } from "../../src/catalog/lookup.ts";
import { decide } from "../../src/decision/decide.ts";
import { cspNonces } from "../../src/html/csp.ts";
import { loadPolicy } from "../../src/policy/load.ts";
import { useBrowser } from "./support/browser.ts";
import { LOGO_PNG } from "../../demo/logo.ts";

const browser = useBrowser();
const LOGO = Buffer.from(LOGO_PNG);

function brandedPage(brand: Record<string, unknown>): string {
  const data = JSON.parse(readFileSync("policies/westhub.json", "utf8"));
  data.banner = { ...data.banner, brand };
  const policy = loadPolicy("policies/westhub.json", data, catalog);
  const url = "https://westhub.app/pricing";
  const route = policy.route(new URL(url));
  const decision = decide({ policy, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  const ui = pageUiHtml({ policy, decision, route, request: new Request(url) }, cspNonces(new Headers()));
  return `<!DOCTYPE html><html lang="en"><head><title>Pricing</title></head><body>${ui}<main style="min-height:300vh"><h1>Pricing</h1><p>Free forever.</p></main></body></html>`;
}

async function open(colorScheme: "light" | "dark", html: string): Promise<Page> {
  const context = await browser().newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
  await context.route("https://westhub.app/**", (route) =>
    new URL(route.request().url()).pathname === "/logo.png" ? route.fulfill({ status: 200, contentType: "image/png", body: LOGO }) : route.fulfill({ status: 200, contentType: "text/html", body: html }),
  );
  const page = await context.newPage();
  await page.goto("https://westhub.app/pricing");
  return page;
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include("#consentry").analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const BRANDS: [string, Record<string, unknown>][] = [
  ["a light brand", { colors: { accent: "#7a1fa2", background: "#fff8e1", text: "#222" }, font: `Georgia, serif`, radius: 12, position: "top", logo: "/logo.png" }],
  ["a dark brand", { colors: { accent: "#ffd166", background: "#0b1f33", text: "#f4f4f4" }, radius: 0 }],
];

describe("a branded banner", () => {
  it.each(BRANDS)("should find no axe violation with %s, in light and dark, first layer and second", async (_, brand) => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await open(scheme, brandedPage(brand));
      expect(await axe(page), scheme).toEqual([]);
      await page.locator("#consentry summary").click();
      expect(await page.getByRole("checkbox", { name: /^Analytics/ }).isVisible()).toBe(true);
      expect(await axe(page), `${scheme}, second layer`).toEqual([]);
      // The brand's colours are the banner's in both schemes.
      const colours = await page.locator("#consentry").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      const hex = (brand.colors as Record<string, string>);
      expect(colours).toEqual([rgb(hex.background!), rgb(hex.text!)]);
      await page.context().close();
    }
  });

  it("should sit at the top of the page, in the flow, with the logo and the brand's font and radius", async () => {
    const page = await open("light", brandedPage(BRANDS[0]![1]));
    const box = (await page.locator("#consentry").boundingBox())!;
    expect(box.y).toBeLessThanOrEqual(8); // the body's own margin
    const style = await page.locator("#consentry").evaluate((el) => ({ position: getComputedStyle(el).position, font: getComputedStyle(el).fontFamily }));
    expect(style).toEqual({ position: "sticky", font: "Georgia, serif" });
    // In the flow: the page's heading starts below the banner, not under it.
    expect((await page.locator("main h1").boundingBox())!.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await page.locator("#consentry img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Scrolled, it stays in view at the top.
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => scrollY > 1000);
    expect((await page.locator("#consentry").boundingBox())!.y).toBe(0);
    expect(await page.getByRole("button", { name: "Accept all" }).evaluate((b) => getComputedStyle(b).borderRadius)).toBe("12px");
    await page.context().close();
  });
});

function rgb(hex: string): string {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join("") : hex.slice(1);
  return `rgb(${[0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)).join(", ")})`;
}
