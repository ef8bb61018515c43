/**
 * URLs in CSS (`url()`, `@import "…"`, `image-set("…")`), in `<style>` and in
 * `style=` attributes. The browser's allowlist refuses what they would load; the
 * rewriter also points refused ones at `data:,`, which loads nothing, so the page
 * makes no refused request even where no CSP applies (an open allowlist) and its
 * report stays free of noise.
 *
 * CSS escapes (`\2f`, `\:`) are decoded before a URL is judged (CSS Syntax §4.3.7).
 */
const URL_FUNCTION = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|((?:[^)\s"'\\]|\\[0-9a-f]{1,6}\s?|\\.)*))\s*\)/gi;
const IMPORT_STRING = /@import\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/gi;
const IMAGE_SET = /image-set\(([^)]*)\)/gi;
const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;

/** A request-free stand-in for a refused URL. */
export const NO_REQUEST = "data:,";

/** CSS Syntax §4.3.7: `\` + up to six hex digits (+ one whitespace), or `\` + any other character. */
export function decodeCssEscapes(value: string): string {
  return value.replace(/\\(?:([0-9a-f]{1,6})[ \t\n\r\f]?|([^\n\r\f0-9a-f]))/gi, (_, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char!;
    const code = parseInt(hex, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(code);
  });
}

/** Quick test before any work: most CSS names no URL at all. */
export function mayHaveUrls(css: string): boolean {
  return /url\(|@import|image-set\(/i.test(css);
}

/**
 * Every URL in `css` that `refused(url)` refuses is replaced by `data:,`; the
 * result is null when nothing changed.
 */
export function neutraliseCss<T>(css: string, refused: (url: string) => T | null, found: (refusal: T) => void = () => {}): string | null {
  if (!mayHaveUrls(css)) return null;
  let changed = false;
  const check = (raw: string): boolean => {
    const refusal = refused(decodeCssEscapes(raw));
    if (refusal === null) return false;
    found(refusal);
    changed = true;
    return true;
  };
  let out = css.replace(URL_FUNCTION, (match, dq?: string, sq?: string, bare?: string) => (check(dq ?? sq ?? bare ?? "") ? `url("${NO_REQUEST}")` : match));
  out = out.replace(IMPORT_STRING, (match, dq?: string, sq?: string) => (check(dq ?? sq ?? "") ? `@import "${NO_REQUEST}"` : match));
  out = out.replace(IMAGE_SET, (match, inner: string) => {
    const replaced = inner.replace(STRING, (s, dq?: string, sq?: string) => (check(dq ?? sq ?? "") ? `"${NO_REQUEST}"` : s));
    return replaced === inner ? match : `image-set(${replaced})`;
  });
  return changed ? out : null;
}
