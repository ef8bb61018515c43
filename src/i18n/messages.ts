/**
 * The banner's words in every supported language, with the policy's own
 * overrides on top. Values are plain text; `format()` fills `{placeholders}`.
 */
import { da } from "./locales/da.ts";
import { de } from "./locales/de.ts";
import { en, type MessageKey, type Messages } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { fr } from "./locales/fr.ts";
import { it } from "./locales/it.ts";
import { nb } from "./locales/nb.ts";
import { nl } from "./locales/nl.ts";
import { pl } from "./locales/pl.ts";
import { sv } from "./locales/sv.ts";
import type { Locale } from "./negotiate.ts";

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, de, fr, es, it, nl, nb, sv, da, pl };

export type { MessageKey, Messages };

/** The locale's messages with the policy's overrides for that locale applied. */
export function messagesFor(locale: Locale, overrides: Partial<Record<Locale, Partial<Messages>>> = {}): Messages {
  return { ...MESSAGES[locale], ...overrides[locale] };
}

export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
