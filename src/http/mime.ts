/**
 * What a browser will make of a response body, from its Content-Type, read the
 * way the browser reads it (Fetch §3.1.7 "extract a MIME type"): several
 * Content-Type headers arrive joined by commas, unparsable parts are skipped and
 * the last valid one wins, so `text/plain, text/html` and `text/html,foo` are
 * both HTML to a browser. A response with no usable type is sniffed (MIME
 * Sniffing §7), and may become a document.
 */

/** How Consentry treats a body. */
export type BodyKind =
  /** HTML or XHTML: rewritten, and the page gets the allowlist CSP. */
  | "html"
  /** Not rewritten, but the browser may render it as a document (XML, SVG, sniffed): it gets the CSP. */
  | "document"
  /** JavaScript: a worker built from it is governed by its own response's CSP (CSP3 §4.2.1). */
  | "script"
  /** Images, styles, fonts, media, JSON, …: passed through with their headers. */
  | "passive";

// RFC 9110 §5.6.2 token characters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `text/html; charset=utf-8, foo` → `text/html` (the essence), or null when no part parses. */
export function extractMimeEssence(value: string | null): string | null {
  if (value === null) return null;
  let essence: string | null = null;
  for (const part of splitOutsideQuotes(value)) {
    const parsed = parseEssence(part);
    // Fetch §3.1.7 step 6.3: a `*/*` part is ignored.
    if (parsed === null || parsed === "*/*") continue;
    essence = parsed;
  }
  return essence;
}

function parseEssence(part: string): string | null {
  const semicolon = part.indexOf(";");
  const head = (semicolon < 0 ? part : part.slice(0, semicolon)).trim().toLowerCase();
  const slash = head.indexOf("/");
  if (slash <= 0) return null;
  const type = head.slice(0, slash);
  const subtype = head.slice(slash + 1).trim();
  return TOKEN.test(type) && TOKEN.test(subtype) ? `${type}/${subtype}` : null;
}

/** Splits a header value on commas that are not inside a quoted string (Fetch §2.2.2 "get, decode, and split"). */
function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted && c === "\\" && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** HTML §4.12.1.1 / MIME Sniffing §4.6: the JavaScript MIME type essences. */
const JAVASCRIPT = new Set([
  "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
  "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
  "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
  "text/x-ecmascript", "text/x-javascript",
]);

export function isJavaScriptMime(essence: string): boolean {
  return JAVASCRIPT.has(essence);
}

/** Types a browser never renders as a document that could load anything (MIME Sniffing §7.1 leaves them alone). */
function isPassive(essence: string): boolean {
  if (essence === "image/svg+xml") return false;
  if (/^(?:image|audio|video|font)\//.test(essence)) return true;
  if (essence === "text/css" || essence === "text/plain" || essence === "text/csv" || essence === "text/event-stream") return true;
  if (essence === "application/json" || essence.endsWith("+json") || essence === "application/manifest+json") return true;
  return essence === "application/octet-stream" || essence === "application/pdf" || essence === "application/wasm" || essence === "application/zip";
}

export function bodyKind(contentType: string | null): BodyKind {
  const essence = extractMimeEssence(contentType);
  // No usable type: the browser sniffs, and `<!doctype html` makes a document.
  if (essence === null || essence === "unknown/unknown" || essence === "application/unknown") return "document";
  if (essence === "text/html" || essence === "application/xhtml+xml") return "html";
  if (isJavaScriptMime(essence)) return "script";
  return isPassive(essence) ? "passive" : "document";
}
