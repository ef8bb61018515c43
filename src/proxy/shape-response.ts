/**
 * The origin's response, shaped by the decision: Set-Cookie lines filtered one by
 * one, cookies of denied categories expired, HTML handed to the rewriter, and
 * cache headers that keep one visitor's page out of another's cache. In
 * report-only mode nothing changes but a summary header and the log.
 *
 * Everything that can throw runs before the body is touched, so the caller can
 * still fall back to the untouched body.
 */
import { applyAllowlistHeaders } from "../allowlist/response-headers.ts";
import { admitConsentryAll, type InlineSources } from "../allowlist/site-csp.ts";
import type { Decision } from "../decision/decide.ts";
import { planSetCookies, setCookieName, type CookieAction, type RequestCookiePlan } from "../enforce/cookie-plan.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import type { RefusalTally } from "../enforce/refusal-counts.ts";
import { logActions, REPORT_HEADER, summarise, type Logger } from "../enforce/report.ts";
import { bodyKind, type BodyKind } from "../http/mime.ts";
import { markPersonalised } from "./cache-headers.ts";
import { requestUrl } from "../http/request-url.ts";

export interface HtmlContext extends JudgeContext {
  request: Request;
  log: Logger;
  /** Enforce mode, a sampled response: log each refusal as `refused` (REFUSAL_LOG_RATE). */
  refusalSample?: number | undefined;
  /** Enforce mode with an ANALYTICS dataset bound: the page's refusals are counted, written when the document ends. */
  tally?: RefusalTally | undefined;
}

/** Rewrites an HTML response for a decision; returns null when it has nothing to do. */
export type HtmlTransform = (response: Response, context: HtmlContext) => Response | null;

export interface ShapeInput {
  response: Response;
  request: Request;
  context: JudgeContext;
  requestPlan: RequestCookiePlan;
  transformHtml?: HtmlTransform;
  log: Logger;
  path: string;
  /** Consentry's inline elements, for a site policy that would refuse them (src/allowlist/site-csp.ts). */
  inline?: InlineSources;
  /** Enforce mode, a sampled response: the sampling rate, and its refusals are logged. */
  refusalSample?: number;
  /** Enforce mode with an ANALYTICS dataset bound: every refusal is counted (src/enforce/refusal-counts.ts). */
  tally?: RefusalTally;
}

export function shapeResponse(input: ShapeInput): Response {
  const { response, context, requestPlan } = input;
  const decision: Decision = context.decision;
  const setPlan = planSetCookies(response.headers.getSetCookie(), context);
  const actions: CookieAction[] = [...requestPlan.actions, ...setPlan.actions];
  const headers = new Headers(response.headers);
  let personalised = false;

  if (decision.mode === "enforce") {
    const kept = new Set(setPlan.kept.map(setCookieName));
    const expiries = requestPlan.expiries.filter((e) => !kept.has(e.name)).flatMap((e) => e.lines);
    if (setPlan.actions.length > 0 || expiries.length > 0) {
      headers.delete("set-cookie");
      for (const line of setPlan.kept) headers.append("set-cookie", line);
      for (const line of expiries) headers.append("set-cookie", line);
      personalised = true;
    }
    if (input.refusalSample !== undefined) logActions(actions, { decision, route: context.route.source, path: input.path }, input.log, "refused", input.refusalSample);
    // An expiry follows from the refused request cookie already counted.
    for (const a of actions) if (a.action !== "expire-cookie") input.tally?.add({ kind: "cookie", name: a.cookie, category: a.category, vendor: a.vendor ?? null, reason: a.reason });
    // The browser held a cookie of a category without consent: a withdrawal, or a write that got
    // past the client guard (a frame it never saw, a setter captured before it ran). Either way
    // it is expired here, and said so, so an operator sees what reached the visitor's device.
    const expired = requestPlan.actions.filter((a) => a.action === "expire-cookie");
    if (expired.length > 0) logActions(expired, { decision, route: context.route.source, path: input.path }, input.log, "cookie-expired");
  } else {
    logActions(actions, { decision, route: context.route.source, path: input.path }, input.log);
    headers.set(REPORT_HEADER, summarise(actions));
    personalised = true;
  }

  const sitePolicy = headers.get("content-security-policy");
  if (input.inline !== undefined && sitePolicy !== null) {
    const admitted = admitConsentryAll(sitePolicy, input.inline);
    if (admitted !== sitePolicy) headers.set("content-security-policy", admitted);
  }

  // The allowlist the browser enforces, on every response it may render or run as a worker.
  const kind = bodyKind(response.headers.get("content-type"));
  const pageUrl = requestUrl(input.request);
  const applied = applyAllowlistHeaders({
    headers,
    context,
    pageUrl,
    kind,
    destination: input.request.headers.get("sec-fetch-dest"),
    apply: decision.mode === "enforce",
  });
  if (applied.csp) personalised = true;
  if (applied.refusals.length > 0) {
    if (decision.mode !== "enforce") logActions(applied.refusals, { decision, route: context.route.source, path: input.path }, input.log);
    else if (input.refusalSample !== undefined) logActions(applied.refusals, { decision, route: context.route.source, path: input.path }, input.log, "refused", input.refusalSample);
    if (decision.mode === "enforce") for (const r of applied.refusals) input.tally?.add({ kind: "host", name: r.host, category: r.category, vendor: r.vendor, reason: r.reason });
    personalised = true;
  }
  // The headers' refusals are written now; the page's, when its document ends (src/html/page-rewriter.ts).
  input.tally?.flush();
  if (kind === "script" && !applied.csp) varyOnDestination(headers);

  let shaped = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  if (input.transformHtml !== undefined && kind === "html" && rewritable(response) && hasBody(input.request.method, response.status)) {
    const rewritten = input.transformHtml(shaped, { ...context, request: input.request, log: input.log, refusalSample: input.refusalSample, tally: input.tally });
    if (rewritten !== null) {
      shaped = rewritten;
      // The body changes: the origin's length and validators no longer describe it.
      shaped.headers.delete("content-length");
      shaped.headers.delete("etag");
      personalised = true;
    }
  }
  if (personalised) markPersonalised(shaped.headers);
  return shaped;
}

/** HTMLRewriter does not look at Content-Type; we must (it would rewrite JSON as HTML). Read as a browser reads it. */
export function isHtml(response: Response): boolean {
  return bodyKind(response.headers.get("content-type")) === "html";
}

/**
 * The runtime decodes gzip and br (and hands over text); any other coding, or a
 * spelling it does not recognise (`GZIP`, `gzip, gzip`), arrives as the origin
 * sent it, and rewriting compressed bytes would corrupt them (workerd#6432). Such
 * a body passes untouched; the CSP header still applies.
 */
export function rewritable(response: Response): boolean {
  const coding = response.headers.get("content-encoding");
  return coding === null || /^(?:gzip|br|identity)$/.test(coding.trim());
}

/**
 * A script fetched by `<script>` carries no CSP; a worker built from the same URL
 * needs one. Different answers by destination must not share a browser cache entry.
 */
function varyOnDestination(headers: Headers): void {
  const vary = headers.get("vary");
  if (vary === null) headers.set("vary", "Sec-Fetch-Dest");
  else if (!/(?:^|,)\s*(?:\*|sec-fetch-dest)\s*(?:,|$)/i.test(vary)) headers.set("vary", `${vary}, Sec-Fetch-Dest`);
}

export type { BodyKind };

/** HEAD, 204, 205 and 304 carry no body (RFC 9110 §6.4.1). */
export function hasBody(method: string, status: number): boolean {
  return method !== "HEAD" && status !== 204 && status !== 205 && status !== 304 && !(status >= 100 && status < 200);
}
