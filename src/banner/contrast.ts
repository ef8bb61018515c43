/**
 * WCAG 2.2 contrast between two colours (§1.4.3 Contrast (Minimum): 4.5:1 for
 * text), from their relative luminance (WCAG 2.2, "relative luminance": sRGB
 * channels linearised, weighted 0.2126 R + 0.7152 G + 0.0722 B). Colours are
 * `#rgb` or `#rrggbb`, the only forms a policy's brand accepts.
 */
export const WCAG_AA_TEXT = 4.5;

/** `#abc` → `#aabbcc`, lower-case. */
export function longHex(colour: string): string {
  const hex = colour.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
}

function luminance(colour: string): number {
  const hex = longHex(colour);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
