/**
 * The origin's own address (ORIGIN_URL) must not reach the browser: a redirect
 * to it would send the visitor past Consentry, and it tells everyone where the
 * unprotected origin lives. Every response header that carries a URL the
 * browser acts on is rewritten to the public site: `Location`,
 * `Content-Location`, `Refresh` (`5; url=…`) and `Link` (`<…>; rel=preload`).
 *
 * URLs are read as the browser reads them (WHATWG URL): `/\origin/x`, `\\origin`,
 * `/<TAB>/origin` and `//origin` all name the origin's host, so they are caught
 * too (issue: only `scheme:` and `//` were recognised). A reference with no host
 * of its own (`/pricing`) already resolves against the public site and is left
 * alone, as is a URL of any other host.
 */
const PROBE_A = "https://consentry-a.invalid/";
const PROBE_B = "https://consentry-b.invalid/";

/**
 * The URL as the browser would resolve it, when it names the origin's host;
 * `null` when it has no host of its own or names another host.
 */
function originReference(reference: string, originUrl: URL, publicUrl: URL): URL | null {
  let a: URL;
  let b: URL;
  try {
    a = new URL(reference, PROBE_A);
    b = new URL(reference, PROBE_B);
  } catch {
    return null;
  }
  // Resolving against two different bases gives two hosts only when the reference has none.
  if (a.host !== b.host) return null;
  // Against the public page, as the browser resolves it; hosts compared, since any scheme to the origin's host leaks it.
  const resolved = new URL(reference, publicUrl);
  const host = (url: URL) => url.host.replace(/\.(?=$|:)/, "").toLowerCase();
  return host(resolved) === host(originUrl) ? resolved : null;
}

/** One URL: the public site's equivalent when it points at the origin, else unchanged. */
export function rewriteLocation(location: string, originUrl: URL | null, publicUrl: URL): string {
  if (originUrl === null) return location;
  const resolved = originReference(location, originUrl, publicUrl);
  if (resolved === null) return location;
  const prefix = originUrl.pathname.replace(/\/$/, "");
  const inside = prefix === "" || resolved.pathname === prefix || resolved.pathname.startsWith(`${prefix}/`);
  const out = new URL(publicUrl.origin);
  // A path outside ORIGIN_URL's prefix has no public address: send the browser to the site's root.
  out.pathname = inside ? resolved.pathname.slice(prefix.length) || "/" : "/";
  out.search = inside ? resolved.search : "";
  out.hash = inside ? resolved.hash : "";
  return out.toString();
}

/** `Refresh: 5; url=http://origin/x` (HTML §7.11.1 shared declarative refresh steps). */
function rewriteRefresh(value: string, rewrite: (url: string) => string): string {
  const match = /^(\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?)(["']?)(.*?)\2(\s*)$/i.exec(value);
  if (match === null || match[3] === "") return value;
  return `${match[1]}${match[2]}${rewrite(match[3]!)}${match[2]}${match[4]}`;
}

/** `Link: <http://origin/a.css>; rel=preload, <…>` (RFC 8288 §3): each target in angle brackets. */
function rewriteLink(value: string, rewrite: (url: string) => string): string {
  return value.replace(/<([^>]*)>/g, (_, url: string) => `<${rewrite(url)}>`);
}

/**
 * The response with every origin address in its headers replaced by the public
 * site's; the same response when there was nothing to replace.
 */
export function hideOriginAddress(response: Response, originUrl: URL | null, publicUrl: URL): Response {
  if (originUrl === null) return response;
  const rewrite = (url: string) => rewriteLocation(url, originUrl, publicUrl);
  const changes: [string, string][] = [];
  for (const [name, edit] of [
    ["location", rewrite],
    ["content-location", rewrite],
    ["refresh", (v: string) => rewriteRefresh(v, rewrite)],
    ["link", (v: string) => rewriteLink(v, rewrite)],
  ] as const) {
    const value = response.headers.get(name);
    if (value === null) continue;
    const edited = edit(value);
    if (edited !== value) changes.push([name, edited]);
  }
  if (changes.length === 0) return response;
  const out = response.status === 101 ? new Response(null, { status: 101, webSocket: response.webSocket, headers: response.headers }) : new Response(response.body, response);
  for (const [name, value] of changes) out.headers.set(name, value);
  return out;
}
