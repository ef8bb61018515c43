import { describe, expect, it } from "vitest";
import { MESSAGES, format, messagesFor } from "../../src/i18n/messages.ts";
import { LOCALES, negotiateLocale } from "../../src/i18n/negotiate.ts";
import { en } from "../../src/i18n/locales/en.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("languages", () => {
  it("should have every string in every language, with the same placeholders, actually translated", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["en", "de", "fr", "es", "it", "nl", "nb", "sv", "da", "pl"]));
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale];
      expect(Object.keys(messages), locale).toEqual(Object.keys(en));
      for (const [key, value] of Object.entries(messages)) {
        expect(placeholders(value), `${locale}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
        expect(value.trim(), `${locale}.${key}`).not.toBe("");
      }
      if (locale !== "en") expect(messages.acceptAll, locale).not.toBe(en.acceptAll);
    }
  });

  it("should pick the best language from Accept-Language (RFC 9110 §12.5.4)", () => {
    expect(negotiateLocale("de-AT,de;q=0.9,en;q=0.5")).toBe("de");
    expect(negotiateLocale("ko, fr;q=0.4, pl;q=0.8")).toBe("pl");
    expect(negotiateLocale("no")).toBe("nb");
    expect(negotiateLocale("nn-NO")).toBe("nb");
    expect(negotiateLocale("fr;q=0, it")).toBe("it");
    expect(negotiateLocale("ko, zh", "de")).toBe("de");
    expect(negotiateLocale(null, "sv")).toBe("sv");
    expect(negotiateLocale("garbage;;;q=x")).toBe("en");
  });

  it("should let the policy override any string of any language", () => {
    expect(messagesFor("de", { de: { acceptAll: "Ja, alle" } }).acceptAll).toBe("Ja, alle");
    expect(messagesFor("de", { de: { acceptAll: "Ja, alle" } }).rejectAll).toBe(MESSAGES.de.rejectAll);
    expect(messagesFor("fr", { de: { acceptAll: "Ja, alle" } }).acceptAll).toBe(MESSAGES.fr.acceptAll);
  });

  it("should fill placeholders and leave unknown ones visible", () => {
    expect(format("Cookies on {site} {x}", { site: "WestHub" })).toBe("Cookies on WestHub {x}");
  });
});
