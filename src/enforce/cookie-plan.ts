/**
 * What to do with the cookies of one exchange, as data: which `Set-Cookie` lines
 * and request cookies go, and which browser cookies to expire. In `enforce` mode
 * the adapters apply the plan; in `report-only` they only log it.
 */
import { splitCookieHeader, type RawCookie } from "../http/cookie-header.ts";
import { domainMatches, parentDomains, pathAncestors } from "./cookie-scope.ts";
import { judgeCookie, type JudgeContext, type Verdict } from "./judge-cookie.ts";
import type { SeenScopes } from "./seen-scopes.ts";

export type ActionKind = "strip-set-cookie" | "strip-request-cookie" | "expire-cookie";

export interface CookieAction {
  action: ActionKind;
  cookie: string;
  category: string | null;
  reason: Exclude<Verdict, { allowed: true }>["reason"];
  vendor?: string;
}

export interface RequestCookiePlan {
  /** The Cookie header toward the origin, or null when nothing is left. */
  cookie: string | null;
  /** Per cookie to expire, the Set-Cookie lines that delete it from the browser. */
  expiries: { name: string; lines: string[] }[];
  actions: CookieAction[];
}

export interface SetCookiePlan {
  /** Set-Cookie lines that stay, in their original order. */
  kept: string[];
  actions: CookieAction[];
}

function action(kind: ActionKind, cookie: string, v: Exclude<Verdict, { allowed: true }>): CookieAction {
  return v.vendor === undefined
    ? { action: kind, cookie, category: v.category, reason: v.reason }
    : { action: kind, cookie, category: v.category, reason: v.reason, vendor: v.vendor };
}

/** The origin's Set-Cookie lines, judged one by one (never split on commas: Expires has them). */
export function planSetCookies(lines: readonly string[], context: JudgeContext): SetCookiePlan {
  const kept: string[] = [];
  const actions: CookieAction[] = [];
  for (const line of lines) {
    const name = setCookieName(line);
    const verdict = judgeCookie(name, context);
    if (verdict.allowed) kept.push(line);
    else actions.push(action("strip-set-cookie", name, verdict));
  }
  return { kept, actions };
}

/** Where this exchange happens: what expiry lines need to reach every copy of a cookie. */
export interface ExpiryWhere {
  /** The request's host name (its parents are where script-set `Domain=` cookies live). */
  host: string;
  /** The request's path: a cookie the browser sent lives on one of its ancestors. */
  path: string;
  /** The request came over HTTPS: expiry lines carry Secure. */
  secure: boolean;
  /** Domains and paths the origin was seen to use (seen-scopes.ts). */
  seen?: SeenScopes;
}

/** The request's cookies: what the origin may see, and what the browser should no longer keep. */
export function planRequestCookies(header: string | null, context: JudgeContext, where: ExpiryWhere): RequestCookiePlan {
  const kept: RawCookie[] = [];
  const expiries: RequestCookiePlan["expiries"] = [];
  const actions: CookieAction[] = [];
  for (const cookie of splitCookieHeader(header)) {
    const verdict = judgeCookie(cookie.name, context);
    if (verdict.allowed) {
      // Consentry's own cookie is for Consentry: the origin gets no copy of it.
      if (verdict.own !== true) kept.push(cookie);
      continue;
    }
    actions.push(action("strip-request-cookie", cookie.name, verdict));
    // The browser holds a cookie of a category without consent (consent withdrawn or
    // narrowed, GPC turned on, or written by script): expire it wherever it can live.
    if (verdict.category !== null && verdict.reason !== "route" && !expiries.some((e) => e.name === cookie.name)) {
      expiries.push({ name: cookie.name, lines: expiryLines(cookie.name, context, { ...where, sent: true }) });
      actions.push(action("expire-cookie", cookie.name, verdict));
    }
  }
  return { cookie: kept.length === 0 ? null : kept.map((c) => c.raw).join("; "), expiries, actions };
}

/** RFC 6265 §5.2: the name is everything before the first "=", trimmed. */
export function setCookieName(line: string): string {
  const pair = line.split(";", 1)[0] ?? "";
  const eq = pair.indexOf("=");
  return eq < 0 ? "" : pair.slice(0, eq).trim();
}

const SAFE_PATH = /^\/[^;\s\x00-\x1f\x7f]*$/;
const SAFE_DOMAIN = /^[a-z0-9.-]+$/;

/**
 * `Set-Cookie` lines that delete `name` wherever it may live (cookie-scope.ts):
 * host-only, the request host and its parent domains, and the domains the policy
 * declares or the origin was seen to use that cover this host; on `/`, the paths
 * declared or seen, and, for a cookie the browser just sent (`sent`), every
 * ancestor of the request path.
 */
export function expiryLines(name: string, { policy }: JudgeContext, where: ExpiryWhere & { sent?: boolean }): string[] {
  const cls = policy.classifyCookie(name);
  const declared = cls.category === null ? undefined : policy.expirableCookies(cls.category).find((c) => c.name === name);
  const seen = where.seen?.scopesOf(name);
  // __Host- cookies never carry a Domain and live on / only; prefixed cookies need Secure (RFC 6265bis §4.1.3).
  if (name.startsWith("__Host-")) return [line(name, "/", null, true)];
  const prefixed = name.startsWith("__Secure-");
  const domains = unique([
    ...parentDomains(where.host),
    ...[...(declared?.domains ?? []), ...(seen?.domains ?? [])].map((d) => d.toLowerCase().replace(/^\./, "")).filter((d) => SAFE_DOMAIN.test(d) && domainMatches(where.host, d)),
  ]);
  const paths = unique(["/", ...(declared?.paths ?? []), ...(seen?.paths ?? []), ...(where.sent === true ? pathAncestors(where.path) : [])]).filter((p) => SAFE_PATH.test(p));
  const lines: string[] = [];
  // Host-only first, then each domain.
  for (const domain of [null, ...domains]) {
    for (const path of paths) lines.push(line(name, path, domain, where.secure || prefixed));
  }
  return lines;
}

function line(name: string, path: string, domain: string | null, secure: boolean): string {
  let text = `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=${path}`;
  if (domain !== null) text += `; Domain=${domain}`;
  if (secure) text += "; Secure";
  return text;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
