/**
 * The allowlist on a response's headers: the CSP itself on every response a
 * browser may render as a document or run as a worker, and the headers that
 * make the browser reach out before (or instead of) the page: `Link` preloads,
 * preconnects and prefetches, and `Refresh`. Pure over a Headers object; the
 * proxy calls it before the body is touched.
 */
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import type { BodyKind } from "../http/mime.ts";
import { FETCHING_RELS, parseLinkHeader } from "../http/link-header.ts";
import { allowlistFor } from "./allowlist.ts";
import { cspFor, reportingEndpoints } from "./csp-header.ts";
import { judgeHost, type RefusalReason } from "./judge-host.ts";

export interface HeaderRefusal {
  action: "csp" | "strip-link" | "strip-refresh";
  host: string;
  vendor: string | null;
  category: string | null;
  reason: RefusalReason;
}

/** Destinations of a worker's own script (Fetch §2.2.5): its response's CSP governs the worker (CSP3 §4.2.1). */
const WORKER_DESTINATIONS = new Set(["worker", "sharedworker", "serviceworker"]);

export interface AllowlistHeadersInput {
  headers: Headers;
  context: JudgeContext;
  pageUrl: URL;
  kind: BodyKind;
  /** `Sec-Fetch-Dest` of the request, when the browser sent it. */
  destination: string | null;
  /** Change the headers (enforce) or only report what would change (report-only). */
  apply: boolean;
}

/** Whether this response gets the allowlist CSP at all. */
export function wantsCsp(kind: BodyKind, destination: string | null): boolean {
  if (kind === "html" || kind === "document") return true;
  // A classic `<script>` ignores its own CSP; a worker built from the same URL does not.
  return kind === "script" && (destination === null || WORKER_DESTINATIONS.has(destination));
}

/**
 * Adds the CSP (as `Content-Security-Policy`, or `-Report-Only` when the route or
 * the policy's rollout says so) and strips refused `Link` and `Refresh` targets.
 * Returns what it refused; `csp` tells whether a policy header was added.
 */
export function applyAllowlistHeaders(input: AllowlistHeadersInput): { csp: boolean; refusals: HeaderRefusal[] } {
  const { headers, context, pageUrl, kind, destination, apply } = input;
  const { policy } = context;
  const refusals: HeaderRefusal[] = [];
  let csp = false;
  const list = allowlistFor(context);
  if (policy.thirdParties.csp !== "off" && !list.open && wantsCsp(kind, destination)) {
    const reportOnly = !apply || policy.thirdParties.csp === "report-only";
    headers.append(reportOnly ? "content-security-policy-report-only" : "content-security-policy", cspFor(list, true));
    headers.append("reporting-endpoints", reportingEndpoints(pageUrl));
    csp = true;
  }
  if (kind !== "html" && kind !== "document") return { csp, refusals };

  const refused = (raw: string): HeaderRefusal | null => {
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const host = url.hostname.replace(/\.$/, "");
    const verdict = judgeHost(host, pageUrl.hostname, context);
    if (verdict.allowed) return null;
    return { action: "strip-link", host, vendor: verdict.vendor?.id ?? null, category: verdict.category, reason: verdict.reason };
  };

  const link = headers.get("link");
  if (link !== null) {
    const kept = parseLinkHeader(link).filter((value) => {
      if (!value.rels.some((rel) => FETCHING_RELS.has(rel))) return true;
      const refusal = refused(value.uri);
      if (refusal !== null) refusals.push(refusal);
      return refusal === null;
    });
    if (apply && refusals.length > 0) {
      if (kept.length === 0) headers.delete("link");
      else headers.set("link", kept.map((v) => v.raw).join(", "));
    }
  }

  // `Refresh: 0; url=…` navigates like <meta http-equiv=refresh> (HTML §7.11.1), out of CSP's reach.
  const refresh = headers.get("refresh");
  if (refresh !== null) {
    const target = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(["']?)(.*?)\1\s*$/is.exec(refresh)?.[2] ?? "";
    const refusal = target === "" ? null : refused(target);
    if (refusal !== null) {
      refusals.push({ ...refusal, action: "strip-refresh" });
      if (apply) headers.delete("refresh");
    }
  }
  return { csp, refusals };
}
