/**
 * The allowlist as a Content-Security-Policy the browser enforces. It is a policy
 * of its own beside the site's: with several policies a load must pass every one
 * (CSP3 §8.1), so Consentry's never loosens the site's, and the site's nonces and
 * hashes keep working in the site's policy.
 *
 * Only fetch directives are restricted, to the allowed hosts; inline code, eval,
 * `data:` and `blob:` stay allowed so the site's own code runs as before. Local
 * documents (`srcdoc`, `about:blank`, `data:`, `blob:`) and blob workers inherit
 * the policy (CSP3 §7.8), so their loads are checked too.
 *
 * One `default-src` covers every fetch directive (CSP3 §6.1); `connect-src`
 * repeats the list with `wss:` variants, because a scheme-less host source does
 * not match WebSocket URLs (CSP3 §6.7.2.8, checked in Chromium).
 */
import { PATHS } from "../paths.ts";
import type { Allowlist } from "./allowlist.ts";

/** The Reporting API group name (`report-to`), declared by a `Reporting-Endpoints` header. */
export const REPORT_GROUP = "consentry";

const KEYWORDS = "data: blob: 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'";

const cache = new Map<string, string>();
const CACHE_LIMIT = 512;

/** The policy text for an allowlist; `report` adds `report-uri` and `report-to`. */
export function cspFor(list: Allowlist, report: boolean): string {
  const key = `${report ? "r" : "-"}${list.key}`;
  let value = cache.get(key);
  if (value === undefined) {
    value = build(list, report);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function build(list: Allowlist, report: boolean): string {
  const hosts = list.hosts.map((h) => `${h} *.${h}`).join(" ");
  const sockets = list.hosts.map((h) => `wss://${h} wss://*.${h}`).join(" ");
  const sources = `'self'${hosts === "" ? "" : ` ${hosts}`} ${KEYWORDS}`;
  const directives = [`default-src ${sources}`, `connect-src ${sources}${sockets === "" ? "" : ` ${sockets}`}`];
  if (report) directives.push(`report-uri ${PATHS.cspReport}`, `report-to ${REPORT_GROUP}`);
  return directives.join("; ");
}

/** `Reporting-Endpoints` (Reporting API §3.2) for the `report-to` group: an absolute URL on the page's own origin. */
export function reportingEndpoints(pageUrl: URL): string {
  return `${REPORT_GROUP}="${pageUrl.origin}${PATHS.cspReport}"`;
}
