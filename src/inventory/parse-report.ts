/**
 * Violation reports from browsers, in both forms: `application/csp-report`
 * (CSP3 §5.5, `report-uri`) and `application/reports+json` (Reporting API,
 * `report-to`). Bodies are attacker-controllable input (FACTS): everything is
 * checked, nothing is trusted, and only what the inventory needs is kept: the
 * refused host (no path, no query), the directive and the page's path for its
 * route. Pure.
 */
export interface Violation {
  /** The refused host, lower-case. */
  host: string;
  /** The effective directive, e.g. `script-src-elem`. */
  directive: string;
  /** The page it happened on (same origin as the endpoint), for its route. */
  documentUrl: URL;
  /** `enforce` or `report` (report-only rollout). */
  disposition: "enforce" | "report";
}

/** Fetch directives of CSP3 §6.1 (and their -elem/-attr forms): anything else is not ours. */
const DIRECTIVES = new Set([
  "default-src", "child-src", "connect-src", "font-src", "frame-src", "img-src", "manifest-src", "media-src",
  "object-src", "prefetch-src", "script-src", "script-src-elem", "script-src-attr", "style-src", "style-src-elem",
  "style-src-attr", "worker-src",
]);

const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** At most this many violations are taken from one request body. */
export const MAX_VIOLATIONS = 100;

function str(value: unknown): string | null {
  return typeof value === "string" && value.length <= 4096 ? value : null;
}

function toViolation(blocked: unknown, directive: unknown, document: unknown, disposition: unknown, origin: string): Violation | null {
  const blockedText = str(blocked);
  const directiveText = str(directive)?.trim().toLowerCase().split(/\s+/)[0] ?? null;
  const documentText = str(document);
  if (blockedText === null || directiveText === null || documentText === null || !DIRECTIVES.has(directiveText)) return null;
  let blockedUrl: URL;
  let documentUrl: URL;
  try {
    blockedUrl = new URL(blockedText);
    documentUrl = new URL(documentText);
  } catch {
    return null; // "inline", "eval", "wasm-eval", "data", a bare scheme: no host to count
  }
  if (!/^(?:https?|wss?):$/.test(blockedUrl.protocol) || documentUrl.origin !== origin) return null;
  const host = blockedUrl.hostname.toLowerCase().replace(/\.$/, "");
  if (host.length > 253 || !HOST.test(host)) return null;
  return { host, directive: directiveText, documentUrl, disposition: disposition === "report" ? "report" : "enforce" };
}

/** The violations of one report body; `origin` is the endpoint's own origin (reports about other sites are dropped). */
export function parseViolations(contentType: string, body: unknown, origin: string): Violation[] {
  const out: Violation[] = [];
  const push = (v: Violation | null) => {
    if (v !== null && out.length < MAX_VIOLATIONS) out.push(v);
  };
  const type = contentType.split(";", 1)[0]!.trim().toLowerCase();
  if (type === "application/reports+json" && Array.isArray(body)) {
    for (const report of body.slice(0, MAX_VIOLATIONS)) {
      if (typeof report !== "object" || report === null || (report as { type?: unknown }).type !== "csp-violation") continue;
      const b = (report as { body?: Record<string, unknown> }).body;
      if (typeof b !== "object" || b === null) continue;
      push(toViolation(b.blockedURL, b.effectiveDirective, b.documentURL, b.disposition, origin));
    }
  } else if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const r = (body as Record<string, unknown>)["csp-report"];
    if (typeof r === "object" && r !== null) {
      const c = r as Record<string, unknown>;
      push(toViolation(c["blocked-uri"], c["effective-directive"] ?? c["violated-directive"], c["document-uri"], c.disposition, origin));
    }
  }
  return out;
}
