/**
 * The enforcing proxy: decide, filter the request toward the origin, fetch it,
 * then shape the response. Workers APIs live here; every decision it carries out
 * comes from the pure modules in decision/ and enforce/.
 *
 * Failure behaviour, chosen on purpose (see docs/security.md):
 * - the origin cannot be reached, or answers with a status HTTP cannot carry: 502;
 *   it does not answer within ORIGIN_TIMEOUT_MS: 504; its body ends short: an error;
 * - no policy claims the host: required-only under the built-in policy, logged each time;
 * - the consent decision throws: required categories only (as an opt-in visitor with no choice);
 * - shaping the response throws: the page still goes out, with every Set-Cookie
 *   line removed except those of required categories.
 * Whatever the mode, the origin cannot set Consentry's own cookies, and its own
 * address never reaches the browser in a header.
 */
import type { Handler } from "hono";
import { applyAllowlistHeaders } from "../allowlist/response-headers.ts";
import { bodyKind } from "../http/mime.ts";
import { requiredOnly, type Decision } from "../decision/decide.ts";
import { decideFor, readSignals } from "../decision/request-decision.ts";
import { planRequestCookies, planSetCookies, type RequestCookiePlan } from "../enforce/cookie-plan.ts";
import type { Logger } from "../enforce/report.ts";
import type { SeenScopes } from "../enforce/seen-scopes.ts";
import type { AppEnv, Env } from "../env.ts";
import { normaliseCookieHeader } from "../http/cookie-header.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { hideOriginAddress } from "./origin-address.ts";
import { parseOriginTimeout } from "../config/origin-timeout.ts";
import { fetchFromOrigin, type OriginResult } from "./origin-fetch.ts";
import { originRequest, originTarget, type OriginFetch } from "./origin.ts";
import { stripOwnSetCookies, withHeaders } from "./own-cookies.ts";
import { isHtml, shapeResponse, type HtmlTransform } from "./shape-response.ts";
import { unclaimedPolicy } from "./unclaimed-policy.ts";
import { shapeUpgrade } from "./upgrade.ts";
import { cspNonces } from "../html/csp.ts";
import { parseRefusalLogRate } from "../config/refusal-log-rate.ts";
import { withModeHeader } from "./mode-header.ts";
import { RefusalTally } from "../enforce/refusal-counts.ts";
import { inlineSources } from "../html/inline-hashes.ts";
import { pagePlan } from "../html/page-plan.ts";
import { requestUrl } from "../http/request-url.ts";

export interface ProxyOptions {
  registry: PolicyRegistry;
  /** Replaces the transport to the origin (tests pass an in-process origin here). */
  fetchOrigin?: OriginFetch;
  /** Rewrites HTML bodies (tag neutralisation, banner). */
  transformHtml?: HtmlTransform;
  log?: Logger;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Cookie domains and paths the origin was seen to use; shared with the endpoints that expire cookies. */
  seen?: SeenScopes;
  /** The policy for a host no policy claims (default: the built-in required-only one). */
  unclaimed?: () => CompiledPolicy;
  /** A number in [0, 1) per enforced response, compared with REFUSAL_LOG_RATE (default Math.random). */
  random?: () => number;
}

export function proxyHandler(options: ProxyOptions): Handler<AppEnv> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const unclaimed = options.unclaimed ?? unclaimedPolicy;
  const warned = new Set<string>();
  const warnOnce = (key: string, line: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log(line);
  };

  return async (c) => {
    const request = c.req.raw;
    const env: Env = c.env ?? {};
    const url = requestUrl(request);
    const path = url.pathname + url.search;
    const originUrl = parseOriginUrl(env.ORIGIN_URL);
    const target = originTarget(url, originUrl);
    const timeoutMs = parseOriginTimeout(env.ORIGIN_TIMEOUT_MS);
    const send: OriginFetch = options.fetchOrigin ?? (env.ORIGIN ? (r) => env.ORIGIN!.fetch(r) : (r) => fetch(r));
    // Only the network's HTTP client ends a short body as an error by itself.
    const checkLength = options.fetchOrigin !== undefined || env.ORIGIN !== undefined;
    const fetchOrigin = async (cookie: string | null): Promise<OriginResult> => {
      const result = await fetchFromOrigin({ send, request: (signal) => originRequest(request, target, cookie, signal), timeoutMs, checkLength });
      if (!result.ok) log(JSON.stringify({ consentry: `origin-${result.reason}`, target: target.origin, status: result.response.status }));
      return result;
    };
    /** What every origin answer goes through, whatever the mode. */
    const sanitise = (response: Response, policy: CompiledPolicy): Response => {
      const own = stripOwnSetCookies(response, policy);
      if (own.stripped.length > 0) warnOnce(`own:${own.stripped.join()}`, JSON.stringify({ consentry: "origin-set-own-cookie", cookies: own.stripped }));
      return hideOriginAddress(own.response, originUrl, url);
    };

    let policy = options.registry.select(url.hostname, env.POLICY);
    const claimed = policy !== undefined;
    if (policy === undefined) {
      // Loud on purpose: every request, as an error. The fix is a `hosts` entry or POLICY.
      log(JSON.stringify({ consentry: "no-policy", level: "error", host: url.hostname, policy: env.POLICY ?? null, served: "required-only" }));
      policy = unclaimed();
    }
    const route = policy.route(url);
    if (route.mode === "off") {
      const result = await fetchOrigin(normaliseCookieHeader(request.headers.get("cookie")));
      return result.ok ? withModeHeader(sanitise(result.response, policy), policy.id, "off") : result.response;
    }

    const decision = claimed ? await decideSafely(request, env, policy, route, now(), warnOnce, log) : requiredOnly(policy, route);
    const context = { policy, decision, route };
    let requestPlan: RequestCookiePlan;
    try {
      const where = { host: url.hostname, path: url.pathname, secure: url.protocol === "https:", ...(options.seen === undefined ? {} : { seen: options.seen }) };
      requestPlan = planRequestCookies(request.headers.get("cookie"), context, where);
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: "request-cookies", error: String(error) }));
      requestPlan = { cookie: null, expiries: [], actions: [] };
    }

    const enforce = decision.mode === "enforce";
    const rate = parseRefusalLogRate(env.REFUSAL_LOG_RATE);
    const refusalSample = enforce && rate > 0 && random() < rate ? rate : undefined;
    const tally = enforce && env.ANALYTICS !== undefined ? new RefusalTally(env.ANALYTICS, { policy: policy.id, route: route.source, site: url.hostname }, log) : undefined;
    const result = await fetchOrigin(enforce ? requestPlan.cookie : normaliseCookieHeader(request.headers.get("cookie")));
    if (!result.ok) return result.response;
    const response = sanitise(result.response, policy);
    // WebSocket upgrades keep their socket; the handshake's cookies are judged like any others.
    if (response.status === 101 || response.webSocket !== null) return shapeUpgrade(response, context, log, path);
    options.seen?.remember(response.headers.getSetCookie());

    try {
      // A site policy that admits inline code only by nonce or hash must admit Consentry's own, by hash.
      const inline =
        enforce && isHtml(response) && response.headers.has("content-security-policy")
          ? await inlineSources(pagePlan(context), cspNonces(response.headers), policy.banner)
          : undefined;
      const shaped = shapeResponse({
        response,
        request,
        context,
        requestPlan,
        ...(inline === undefined ? {} : { inline }),
        ...(options.transformHtml === undefined ? {} : { transformHtml: options.transformHtml }),
        ...(refusalSample === undefined ? {} : { refusalSample }),
        ...(tally === undefined ? {} : { tally }),
        log,
        path,
      });
      return withModeHeader(shaped, policy.id, decision.mode);
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: "response", error: String(error) }));
      return withModeHeader(failSafe(response, policy, route, request), policy.id, "enforce", true);
    }
  };
}

async function decideSafely(
  request: Request,
  env: Env,
  policy: CompiledPolicy,
  route: CompiledRoute,
  nowMs: number,
  warnOnce: (key: string, line: string) => void,
  log: Logger,
): Promise<Decision> {
  try {
    const signals = await readSignals(request, env, policy, nowMs);
    if (!signals.keys.ok) warnOnce(`secret:${signals.keys.reason}`, JSON.stringify({ consentry: "misconfigured", reason: signals.keys.reason }));
    return decideFor(policy, route, signals);
  } catch (error) {
    log(JSON.stringify({ consentry: "enforcement-error", stage: "decision", error: String(error) }));
    return requiredOnly(policy, route);
  }
}

/**
 * The last line of defence: the page goes out unrewritten, with cookies of required
 * categories only and the allowlist of a visitor who allowed nothing optional.
 */
function failSafe(response: Response, policy: CompiledPolicy, route: CompiledRoute, request: Request): Response {
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  const context = { policy, decision: requiredOnly(policy, route), route };
  try {
    for (const line of planSetCookies(response.headers.getSetCookie(), context).kept) headers.append("set-cookie", line);
  } catch {
    // Even classification failed: no cookie at all is the only safe answer.
    headers.delete("set-cookie");
  }
  try {
    applyAllowlistHeaders({
      headers,
      context,
      pageUrl: requestUrl(request),
      kind: bodyKind(response.headers.get("content-type")),
      destination: request.headers.get("sec-fetch-dest"),
      apply: true,
    });
  } catch {
    // No allowlist could be built: the page's own headers stand, its cookies are already gone.
  }
  return withHeaders(response, headers);
}

const originUrls = new Map<string, URL | null>();

function parseOriginUrl(value: string | undefined): URL | null {
  if (value === undefined || value.trim() === "") return null;
  let parsed = originUrls.get(value);
  if (parsed === undefined) {
    parsed = URL.canParse(value) ? new URL(value) : null;
    if (parsed === null) throw new TypeError(`ORIGIN_URL is not a URL: ${value}`);
    originUrls.set(value, parsed);
  }
  return parsed;
}
