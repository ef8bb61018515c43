/**
 * The request `Cookie` header as raw pairs. Values are never decoded and
 * re-encoded, so the cookies we keep reach the origin byte for byte.
 * RFC 6265 §5.4: pairs are joined by "; ".
 */
export interface RawCookie {
  name: string;
  value: string;
  /** The pair exactly as the browser sent it. */
  raw: string;
}

export function splitCookieHeader(header: string | null | undefined): RawCookie[] {
  if (header === null || header === undefined || header === "") return [];
  const cookies: RawCookie[] = [];
  for (const part of header.split(";")) {
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
