/**
 * A redirect from the origin that points at ORIGIN_URL must send the browser to
 * the public site instead. Any other Location (relative, another site) is left alone.
 */
export function rewriteLocation(location: string, target: URL, originUrl: URL | null, publicUrl: URL): string {
  // A relative Location already resolves against the public URL in the browser.
  if (originUrl === null || !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(location.trim())) return location;
  let resolved: URL;
  try {
    resolved = new URL(location, target);
  } catch {
    return location;
  }
  if (resolved.origin !== originUrl.origin) return location;
  const prefix = originUrl.pathname.replace(/\/$/, "");
  if (prefix !== "" && resolved.pathname !== prefix && !resolved.pathname.startsWith(`${prefix}/`)) return location;
  const out = new URL(publicUrl.origin);
  out.pathname = resolved.pathname.slice(prefix.length) || "/";
  out.search = resolved.search;
  out.hash = resolved.hash;
  return out.toString();
}
