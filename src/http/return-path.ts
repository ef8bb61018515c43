/**
 * Where Consentry may send a visitor back to after a choice or an erasure: a
 * path on this site, never another host. The value comes from a form field or a
 * query string, so it is hostile until proven otherwise.
 *
 * Normalise first, then check (issue: `/.//evil.com` passed a check on the raw
 * string and became `Location: //evil.com` after dot-segment removal). The WHATWG
 * URL parser is what the browser will apply to the `Location` or `href` we write:
 * it strips tabs and newlines, reads `\` as `/`, removes `.` and `..` segments and
 * decodes `%2e`. Whatever comes out must be a path with exactly one leading `/`,
 * and must read as the same path from any base.
 */
const HOME = "https://consentry-return.invalid";
const ELSEWHERE = "http://another-base.invalid:8080/a/b/";

/**
 * A same-origin path (`/pricing?x=1#top`) for `value`, or `fallback` when it is
 * missing or could lead anywhere else.
 *
 * @example
 * safeReturnPath("/pricing?x=1");   // "/pricing?x=1"
 * safeReturnPath("/.//evil.com");   // "/"
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (value === null || value === undefined || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  const path = url.pathname + url.search + url.hash;
  // RFC 3986 §4.2: `//x` is a network-path reference; WHATWG reads `/\x` the same way.
  if (!/^\/(?![/\\])/.test(path)) return fallback;
  // Stable under a second parse against another base: no parser finds an authority in it.
  const again = new URL(path, ELSEWHERE);
  if (again.origin !== new URL(ELSEWHERE).origin || again.pathname + again.search + again.hash !== path) return fallback;
  return path;
}
