/**
 * Issue 12, point 4 (languages), in Chromium: a German visitor reads the policy's
 * German category labels (banner and placeholders), Japanese and Brazilian
 * visitors get the banner in their language, under both seed policies.
 */
import { describe, expect, inject, it } from "vitest";
import { trackedPage, useBrowser } from "./support/browser.ts";

const browser = useBrowser();
const EU = inject("consentryEU");
const WHEREBY = inject("consentryWherebyEU");

describe("languages", () => {
  it("should show a German visitor Whereby's German category labels, in the banner and on a placeholder", async () => {
    const { context, page } = await trackedPage(browser(), { context: { locale: "de-DE" } });
    await page.goto(`${WHEREBY}/`);
    expect(await page.locator("#consentry").getAttribute("lang")).toBe("de");
    expect(await page.getByRole("button", { name: "Alle akzeptieren" }).isVisible()).toBe(true);
    expect(await page.locator("#consentry [data-purposes]").textContent()).toContain("Werbung");
    await page.locator("#consentry summary").click();
    expect(await page.getByRole("checkbox", { name: /^Werbung/ }).isVisible()).toBe(true);
    expect(await page.getByRole("checkbox", { name: /^Analyse/ }).isVisible()).toBe(true);
    expect(await page.locator("#consentry").textContent()).not.toContain("Advertising");
    expect(await page.locator("body").textContent()).not.toMatch(/„Advertising“/);
    await context.close();
  });

  it("should show WestHub's German labels to a German visitor", async () => {
    const { context, page } = await trackedPage(browser(), { context: { locale: "de-DE" } });
    await page.goto(`${EU}/pricing`);
    expect(await page.locator("#consentry [data-purposes]").textContent()).toBe("Zwecke: Funktional, Statistik; Immer aktiv: Unbedingt erforderlich, Sicherheit");
    await context.close();
  });

  it.each([
    ["ja-JP", "ja", "すべて同意", "すべて拒否"],
    ["pt-BR", "pt-BR", "Aceitar todos", "Rejeitar todos"],
    ["el-GR", "el", "Αποδοχή όλων", "Απόρριψη όλων"],
  ])("should give a %s visitor the banner in their language", async (tag, lang, accept, reject) => {
    for (const site of [EU, WHEREBY]) {
      const { context, page } = await trackedPage(browser(), { context: { locale: tag } });
      await page.goto(`${site}/pricing`);
      expect(await page.locator("#consentry").getAttribute("lang")).toBe(lang);
      expect(await page.getByRole("button", { name: accept }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: reject }).isVisible()).toBe(true);
      await context.close();
    }
  });
});
