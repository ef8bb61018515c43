/**
 * The visitor's language, from Accept-Language (RFC 9110 §12.5.4): the
 * highest-weighted tag we have, the whole tag first (`pt-BR`), then its primary
 * subtag (`de-AT` → `de`, `no`/`nn` → `nb`). Falls back to the policy's default language.
 */
/** Languages with every string. */
export const LOCALES = ["en", "de", "fr", "es", "it", "nl", "nb", "sv", "da", "pl"] as const;
/** Languages with the banner's own strings (the EU's other official languages, Brazilian Portuguese, Japanese). */
export const BANNER_LOCALES = ["bg", "cs", "el", "et", "fi", "ga", "hr", "hu", "lt", "lv", "mt", "pt", "pt-BR", "ro", "sk", "sl", "ja"] as const;
export const ALL_LOCALES = [...LOCALES, ...BANNER_LOCALES] as const;
export type CompleteLocale = (typeof LOCALES)[number];
export type BannerLocale = (typeof BANNER_LOCALES)[number];
export type Locale = (typeof ALL_LOCALES)[number];

const BY_TAG = new Map<string, Locale>(ALL_LOCALES.map((l) => [l.toLowerCase(), l]));

const ALIASES: Record<string, Locale> = { no: "nb", nn: "nb" };

export function negotiateLocale(header: string | null, fallback: Locale = "en"): Locale {
  if (header === null || header.length > 512) return fallback;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && r.tag !== "")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const whole = BY_TAG.get(tag);
    if (whole !== undefined) return whole;
    const primary = tag.split("-")[0]!;
    const locale = BY_TAG.get(ALIASES[primary] ?? primary);
    if (locale !== undefined) return locale;
  }
  return fallback;
}
