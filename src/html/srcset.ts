/**
 * The URLs of a `srcset` / `imagesrcset` attribute (HTML §4.8.4.3.10 "parse a
 * srcset attribute"): candidates are separated by commas, a URL runs to the next
 * whitespace, and trailing commas end a candidate. The browser may pick any of
 * them, so every one is judged.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const n = value.length;
  const space = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f";
  while (i < n) {
    while (i < n && (space(value[i]) || value[i] === ",")) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !space(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      // Skip the descriptors, up to a comma outside parentheses.
      let depth = 0;
      while (i < n && !(value[i] === "," && depth === 0)) {
        if (value[i] === "(") depth++;
        else if (value[i] === ")" && depth > 0) depth--;
        i++;
      }
    }
    if (url !== "") urls.push(url);
  }
  return urls;
}
