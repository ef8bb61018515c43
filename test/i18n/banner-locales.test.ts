/**
 * The banner in the 24 official EU languages, Norwegian, Brazilian Portuguese and
 * Japanese; a string a language lacks falls back to English on its own; a policy's
 * category labels and descriptions in the visitor's language.
 */
import { describe, expect, it } from "vitest";
import { BANNER_MESSAGES, MESSAGES, messagesFor } from "../../src/i18n/messages.ts";
import { ALL_LOCALES, BANNER_LOCALES, negotiateLocale } from "../../src/i18n/negotiate.ts";
import { en } from "../../src/i18n/locales/en.ts";
import { variant, westhubInput, whereby } from "../support/policies.ts";
import { rewrite } from "../support/rewrite.ts";
import { languageFor } from "../../src/banner/page-ui.ts";
import { decide } from "../../src/decision/decide.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { settingsPage } from "../../src/site/settings-page.ts";

const EU_OFFICIAL = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"];
/** What the banner itself shows (the settings page and the receipt may fall back to English). */
const BANNER_KEYS = ["bannerLabel", "bannerTitle", "bannerText", "cookiePolicy", "privacyPolicy", "purposes", "acceptAll", "rejectAll", "customise", "saveChoices", "alwaysOn", "neverUsed", "vendors", "cookies", "gpcHonoured", "gpcText", "settingsButton", "continueWithout", "privacyChoices", "doNotSell"] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body><p>content</p></body></html>`;
const banner = (html: string) => html.match(/<section id="consentry"[\s\S]*?<\/section>/)?.[0] ?? "";

/** The settings page a visitor with no choice gets, in their language. */
async function settingsHtml(policy: CompiledPolicy, language: string): Promise<string> {
  const request = new Request(`https://${policy.hosts[0]}/_consentry/settings`, { headers: { "accept-language": language } });
  const route = policy.route(new URL(request.url));
  const consent = { status: "absent" as const, choice: null };
  const decision = decide({ policy, route, consent, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
  return settingsPage({ policy, decision, consent, language: languageFor(policy, request), returnPath: "/", selfPath: "/_consentry/settings", notice: null, host: policy.hosts[0]! }).text();
}

describe("languages of the banner", () => {
  it("should cover the 24 official EU languages, Norwegian, Brazilian Portuguese and Japanese", () => {
    expect(ALL_LOCALES).toEqual(expect.arrayContaining([...EU_OFFICIAL, "nb", "pt-BR", "ja"]));
    expect(EU_OFFICIAL).toHaveLength(24);
  });

  it.each(BANNER_LOCALES.map((l) => [l]))("should give every banner string in %s, translated, with the same placeholders", (locale) => {
    const own = BANNER_MESSAGES[locale];
    for (const key of BANNER_KEYS) {
      const value = own[key];
      expect(value, `${locale}.${key}`).toBeTypeOf("string");
      expect(value!.trim(), `${locale}.${key}`).not.toBe("");
      expect(placeholders(value!), `${locale}.${key}`).toEqual(placeholders(en[key]));
    }
    expect(own.acceptAll).not.toBe(en.acceptAll);
    expect(Object.keys(own).every((k) => k in en), locale).toBe(true);
  });

  it("should fall back to English string by string, never for the whole page", () => {
    const ja = messagesFor("ja");
    expect(ja.acceptAll).toBe("すべて同意");
    expect(ja.receiptTitle).toBe(en.receiptTitle);
    expect(messagesFor("pt-BR", { "pt-BR": { acceptAll: "Aceito" } }).acceptAll).toBe("Aceito");
    expect(messagesFor("de").acceptAll).toBe(MESSAGES.de.acceptAll);
  });

  it("should negotiate the whole tag first, then the language", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("pt-PT")).toBe("pt");
    expect(negotiateLocale("ja-JP,ja;q=0.9,en;q=0.5")).toBe("ja");
    expect(negotiateLocale("el")).toBe("el");
    expect(negotiateLocale("ga-IE")).toBe("ga");
  });

  it("should send the visitor's language only", async () => {
    const html = banner((await rewrite(PAGE, { language: "ja" })).html);
    expect(html).toContain(`lang="ja"`);
    expect(html).toContain(">すべて同意</button>");
    expect(html).not.toContain("Accept all");
    expect(html).not.toContain("Alle akzeptieren");
  });
});

describe("a policy's category texts per language", () => {
  it("should show a German visitor the policy's German labels, and its German descriptions on the settings page", async () => {
    const html = banner((await rewrite(PAGE, { policy: whereby, language: "de-DE" })).html);
    expect(html).toMatch(/id="cy-advertising" name="category" value="advertising"> Werbung</);
    expect(html).not.toContain(">Advertising<");
    // On the site's pages the banner stays within its 4 KB: descriptions are one step away.
    const german = whereby.categoryById.get("advertising")!.texts.de!.description!;
    expect(html).not.toContain(german);
    const page = await settingsHtml(whereby, "de-DE");
    expect(page).toContain(german);
    expect(page).toMatch(/value="advertising"> Werbung</);
  });

  it("should fall back per field to the policy's own text, and escape it", async () => {
    const partial = variant(westhubInput, (p) => {
      p.categories[3]!.texts = { fr: { label: "<b>Mesure</b>" } };
    });
    const html = banner((await rewrite(PAGE, { policy: partial, language: "fr" })).html);
    expect(html).toContain("&lt;b&gt;Mesure&lt;/b&gt;");
    const page = await settingsHtml(partial, "fr");
    expect(page).toContain("&lt;b&gt;Mesure&lt;/b&gt;");
    expect(page).toContain(partial.categoryById.get("analytics")!.description);
    expect(banner((await rewrite(PAGE, { policy: partial, language: "it" })).html)).toContain("> Analytics<");
  });
});

describe("a placeholder in the visitor's language", () => {
  it("should name the category with the policy's German label", async () => {
    const page = `<body><iframe src="https://www.youtube.com/embed/x" title="Video"></iframe></body>`;
    const { html } = await rewrite(page, { policy: whereby, language: "de" });
    expect(html).toContain("Werbung");
    expect(html).not.toMatch(/„Advertising“/);
  });
});
