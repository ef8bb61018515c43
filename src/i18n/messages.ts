/**
 * The banner's words in every supported language, with the policy's own
 * overrides on top. Values are plain text; `format()` fills `{placeholders}`.
 * Ten languages have every string; the others (the rest of the EU's 24 official
 * languages, Brazilian Portuguese, Japanese) have the banner's own, and every
 * string they lack falls back to English on its own, never the whole page.
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
import { bg } from "./locales/bg.ts";
import { cs } from "./locales/cs.ts";
import { el } from "./locales/el.ts";
import { et } from "./locales/et.ts";
import { fi } from "./locales/fi.ts";
import { ga } from "./locales/ga.ts";
import { hr } from "./locales/hr.ts";
import { hu } from "./locales/hu.ts";
import { lt } from "./locales/lt.ts";
import { lv } from "./locales/lv.ts";
import { mt } from "./locales/mt.ts";
import { pt } from "./locales/pt.ts";
import { ptBR } from "./locales/pt-BR.ts";
import { ro } from "./locales/ro.ts";
import { sk } from "./locales/sk.ts";
import { sl } from "./locales/sl.ts";
import { ja } from "./locales/ja.ts";
import type { BannerLocale, CompleteLocale, Locale } from "./negotiate.ts";

export const MESSAGES: Readonly<Record<CompleteLocale, Messages>> = { en, de, fr, es, it, nl, nb, sv, da, pl };

/** The languages with the banner's strings only. */
export const BANNER_MESSAGES: Readonly<Record<BannerLocale, Partial<Messages>>> = { bg, cs, el, et, fi, ga, hr, hu, lt, lv, mt, pt, "pt-BR": ptBR, ro, sk, sl, ja };

export type { MessageKey, Messages };

/** The locale's messages with the policy's overrides for that locale applied. */
export function messagesFor(locale: Locale, overrides: Partial<Record<Locale, Partial<Messages>>> = {}): Messages {
  const own = (MESSAGES as Partial<Record<Locale, Messages>>)[locale] ?? BANNER_MESSAGES[locale as BannerLocale];
  return { ...en, ...own, ...overrides[locale] };
}

export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
