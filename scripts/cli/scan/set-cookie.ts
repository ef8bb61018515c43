/**
 * One `Set-Cookie` line read as a browser stores it (RFC 6265 §5.2): name,
 * domain (host-only when absent), path (the default path when absent) and
 * lifetime (Max-Age wins over Expires; neither: a session cookie).
 */
export interface ObservedCookie {
  name: string;
  /** Lower-case, without the leading dot; null for a host-only cookie. */
  domain: string | null;
  path: string;
  /** Seconds, or null for a session cookie. */
  lifetime: number | null;
  /** Set by JavaScript (seen in the browser only), not by a response header. */
  script?: boolean;
}

/** RFC 6265 §5.1.4: the directory of the request path. */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith("/")) return "/";
  const last = requestPath.lastIndexOf("/");
  return last <= 0 ? "/" : requestPath.slice(0, last);
}

export function parseSetCookie(line: string, requestPath: string, nowMs = Date.now()): ObservedCookie | null {
  const [pair = "", ...attributes] = line.split(";");
  const eq = pair.indexOf("=");
  const name = (eq < 0 ? "" : pair.slice(0, eq)).trim();
  if (name === "") return null;
  let domain: string | null = null;
  let path: string | null = null;
  let maxAge: number | null = null;
  let expires: number | null = null;
  for (const attribute of attributes) {
    const at = attribute.indexOf("=");
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? "" : attribute.slice(at + 1).trim();
    if (key === "domain" && value !== "") domain = value.replace(/^\./, "").toLowerCase();
    else if (key === "path" && value.startsWith("/")) path = value;
    else if (key === "max-age" && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === "expires") {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) expires = Math.round((time - nowMs) / 1000);
    }
  }
  return { name, domain, path: path ?? defaultPath(requestPath), lifetime: maxAge ?? expires };
}

/** `session`, `90 days`, `2 years`, `expired`. */
export function describeLifetime(seconds: number | null): string {
  if (seconds === null) return "session";
  if (seconds <= 0) return "expired";
  const units: [number, string][] = [[365 * 86400, "year"], [30 * 86400, "month"], [86400, "day"], [3600, "hour"], [60, "minute"]];
  for (const [size, unit] of units) {
    if (seconds >= size) {
      const n = Math.round(seconds / size);
      return `${n} ${unit}${n === 1 ? "" : "s"}`;
    }
  }
  return `${seconds} seconds`;
}
