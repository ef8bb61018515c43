/**
 * The enforcing proxy: decide, filter the request toward the origin, fetch it,
 * then shape the response. Workers APIs live here; every decision it carries out
 * comes from the pure modules in decision/ and enforce/.
 *
 * Failure behaviour, chosen on purpose (see README "Failure behaviour"):
 * - the origin cannot be reached: a clear 502 page;
 * - the consent decision throws: required categories only (as an opt-in visitor with no choice);
 * - shaping the response throws: the page still goes out, with every Set-Cookie
 *   line removed except those of required categories and Consentry's own.
 */
import type { Handler } from "hono";
import { applyAllowlistHeaders } from "../allowlist/response-headers.ts";
import { bodyKind } from "../http/mime.ts";
import { requiredOnly, type Decision } from "../decision/decide.ts";
import { decideFor, readSignals } from "../decision/request-decision.ts";
import { planRequestCookies, setCookieName, type RequestCookiePlan } from "../enforce/cookie-plan.ts";
import { judgeCookie } from "../enforce/judge-cookie.ts";
import type { Logger } from "../enforce/report.ts";
import type { AppEnv, Env } from "../env.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { badGateway } from "./bad-gateway.ts";
import { originRequest, originTarget, type OriginFetch } from "./origin.ts";
import { isHtml, shapeResponse, type HtmlTransform } from "./shape-response.ts";
import { cspNonces } from "../html/csp.ts";
import { inlineSources } from "../html/inline-hashes.ts";
import { pagePlan } from "../html/page-plan.ts";
import { rewriteLocation } from "./location.ts";

export interface ProxyOptions {
  registry: PolicyRegistry;
  /** Replaces the transport to the origin (tests pass an in-process origin here). */
  fetchOrigin?: OriginFetch;
  /** Rewrites HTML bodies (tag neutralisation, banner). */
  transformHtml?: HtmlTransform;
  log?: Logger;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

export function proxyHandler(options: ProxyOptions): Handler<AppEnv> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  const warned = new Set<string>();
  const warnOnce = (key: string, line: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log(line);
  };

  return async (c) => {
    const request = c.req.raw;
    const env: Env = c.env ?? {};
    const url = new URL(request.url);
    const originUrl = parseOriginUrl(env.ORIGIN_URL);
    const target = originTarget(url, originUrl);
    const send: OriginFetch = options.fetchOrigin ?? (env.ORIGIN ? (r) => env.ORIGIN!.fetch(r) : (r) => fetch(r));
    const fetchOrigin = async (cookie: string | null): Promise<Response | null> => {
      try {
        return await send(originRequest(request, target, cookie));
      } catch (error) {
        log(JSON.stringify({ consentry: "origin-unreachable", target: target.origin, error: String(error) }));
        return null;
      }
    };
    const relocate = (response: Response): Response => {
      const location = response.headers.get("location");
      if (location === null || originUrl === null) return response;
      const rewritten = rewriteLocation(location, target, originUrl, url);
      if (rewritten === location) return response;
      const out = new Response(response.body, response);
      out.headers.set("location", rewritten);
      return out;
    };

    const policy = options.registry.select(url.hostname, env.POLICY);
    if (policy === undefined) {
      warnOnce(`no-policy:${url.hostname}`, JSON.stringify({ consentry: "no-policy", host: url.hostname, policy: env.POLICY ?? null }));
      const response = await fetchOrigin(request.headers.get("cookie"));
      return response === null ? badGateway() : relocate(response);
    }
    const route = policy.route(url);
    if (route.mode === "off") {
      const response = await fetchOrigin(request.headers.get("cookie"));
      return response === null ? badGateway() : relocate(response);
    }

    const decision = await decideSafely(request, env, policy, route, now(), warnOnce, log);
    const context = { policy, decision, route };
    let requestPlan: RequestCookiePlan;
    try {
      requestPlan = planRequestCookies(request.headers.get("cookie"), context, url.protocol === "https:");
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: "request-cookies", error: String(error) }));
      requestPlan = { cookie: null, expiries: [], actions: [] };
    }

    const enforce = decision.mode === "enforce";
    const response = await fetchOrigin(enforce ? requestPlan.cookie : request.headers.get("cookie"));
    if (response === null) return badGateway();
    // WebSocket upgrades pass through untouched: the 101 carries the socket.
    if (response.status === 101 || response.webSocket !== null) return response;

    const relocated = relocate(response);
    try {
      // A site policy that admits inline code only by nonce or hash must admit Consentry's own, by hash.
      const inline =
        enforce && isHtml(relocated) && relocated.headers.has("content-security-policy")
          ? await inlineSources(pagePlan(context), cspNonces(relocated.headers))
          : undefined;
      return shapeResponse({
        response: relocated,
        request,
        context,
        requestPlan,
        ...(inline === undefined ? {} : { inline }),
        ...(options.transformHtml === undefined ? {} : { transformHtml: options.transformHtml }),
        log,
        path: url.pathname + url.search,
      });
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: "response", error: String(error) }));
      return failSafe(relocated, policy, route, request);
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
  const out = new Response(response.body, response);
  const lines = response.headers.getSetCookie();
  out.headers.delete("set-cookie");
  const context = { policy, decision: requiredOnly(policy, route), route };
  try {
    for (const line of lines) if (judgeCookie(setCookieName(line), context).allowed) out.headers.append("set-cookie", line);
  } catch {
    // Even classification failed: no cookie at all is the only safe answer.
    out.headers.delete("set-cookie");
  }
  try {
    applyAllowlistHeaders({
      headers: out.headers,
      context,
      pageUrl: new URL(request.url),
      kind: bodyKind(response.headers.get("content-type")),
      destination: request.headers.get("sec-fetch-dest"),
      apply: true,
    });
  } catch {
    // No allowlist could be built: the page's own headers stand, its cookies are already gone.
  }
  return out;
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
