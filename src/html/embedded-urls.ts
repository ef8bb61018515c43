/**
 * Hosts named inside content a frame or a style will load by itself: a
 * `srcdoc` document, a `data:` or `javascript:` URL, a `<noscript>` block, CSS.
 * The browser enforces the allowlist on all of them (local documents inherit the
 * page's CSP); the rewriter reads them too, so that such content is held aside
 * with a placeholder instead of failing inside the frame.
 */
import { decodeAttribute } from "./decode-attribute.ts";

// An absolute or protocol-relative URL's host: `https://a.b`, `//a.b`, `\\a.b`; a host needs a dot.
const URL_HOST = /(?:[a-z][a-z0-9+.-]*:)?(?:\/|\\)[\t\n\r]*(?:\/|\\)[\t\n\r]*([a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.[a-z][a-z0-9-]*)/gi;

/** Host names in a text, lower-case, each once. */
export function hostsIn(text: string): string[] {
  const hosts = new Set<string>();
  for (const match of text.matchAll(URL_HOST)) hosts.add(match[1]!.toLowerCase());
  return [...hosts];
}

/** The document or script a `data:` or `javascript:` URL carries, decoded; null for other URLs. */
export function urlPayload(raw: string): string | null {
  const value = decodeAttribute(raw).replace(/[\t\n\r]/g, "").trim();
  const javascript = /^javascript:/i.exec(value);
  if (javascript !== null) return percentDecode(value.slice(javascript[0].length));
  const data = /^data:([^,]*),/i.exec(value);
  if (data === null) return null;
  const payload = value.slice(data[0].length);
  if (/;\s*base64\s*$/i.test(data[1]!)) {
    try {
      return atob(percentDecode(payload).replace(/\s+/g, ""));
    } catch {
      return payload;
    }
  }
  return percentDecode(payload);
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
