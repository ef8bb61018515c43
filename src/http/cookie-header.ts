/**
 * The request `Cookie` header as raw pairs. Values are never decoded and
 * re-encoded, so the cookies we keep reach the origin byte for byte.
 * RFC 6265 §5.4: pairs are joined by "; ".
 *
 * A request can carry several `Cookie` header lines (HTTP/2 sends one per
 * cookie, RFC 9113 §8.2.3), and the Fetch `Headers` object hands them over
 * joined by ", ". Read as one list, `session=1, _ga=2` would be a single cookie
 * called `session` whose value smuggles `_ga` past the policy. So ", " followed
 * by a cookie name and "=" also separates pairs. A value that really contains
 * ", name=" is split too: judging too many pieces fails closed, too few leaks.
 */
export interface RawCookie {
  name: string;
  value: string;
  /** The pair exactly as the browser sent it. */
  raw: string;
}

/** `;`, or the `, ` that Headers puts between two header lines (before a `name=`; RFC 9110 §5.6.2 token). */
const SEPARATOR = /;|,[ \t]+(?=[!#$%&'*+\-.^_`|~0-9A-Za-z]+=)/;

export function splitCookieHeader(header: string | null | undefined): RawCookie[] {
  if (header === null || header === undefined || header === "") return [];
  const cookies: RawCookie[] = [];
  for (const part of header.split(SEPARATOR)) {
    const raw = part.trim();
    if (raw === "") continue;
    const eq = raw.indexOf("=");
    // RFC 6265bis §5.6: a pair without "=" is a cookie with an empty name.
    cookies.push(eq < 0 ? { name: "", value: raw, raw } : { name: raw.slice(0, eq).trim(), value: raw.slice(eq + 1).trim(), raw });
  }
  return cookies;
}

export function joinCookieHeader(cookies: readonly RawCookie[]): string {
  return cookies.map((c) => c.raw).join("; ");
}

/** The header as one RFC 6265 list ("; "), whatever number of header lines it came in; null when empty. */
export function normaliseCookieHeader(header: string | null | undefined): string | null {
  const cookies = splitCookieHeader(header);
  return cookies.length === 0 ? null : joinCookieHeader(cookies);
}
