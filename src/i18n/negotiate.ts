/**
 * The visitor's language, from Accept-Language (RFC 9110 §12.5.4): the
 * highest-weighted tag we have, matching on the primary subtag (`de-AT` → `de`,
 * `no`/`nn` → `nb`). Falls back to the policy's default language.
 */
export const LOCALES = ["en", "de", "fr", "es", "it", "nl", "nb", "sv", "da", "pl"] as const;
export type Locale = (typeof LOCALES)[number];

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
    const primary = tag.split("-")[0]!;
    const locale = ALIASES[primary] ?? primary;
    if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  }
  return fallback;
}
