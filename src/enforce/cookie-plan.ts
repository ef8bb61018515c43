/**
 * What to do with the cookies of one exchange, as data: which `Set-Cookie` lines
 * and request cookies go, and which browser cookies to expire. In `enforce` mode
 * the adapters apply the plan; in `report-only` they only log it.
 */
import { splitCookieHeader, type RawCookie } from "../http/cookie-header.ts";
import { judgeCookie, type JudgeContext, type Verdict } from "./judge-cookie.ts";

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

/** The request's cookies: what the origin may see, and what the browser should no longer keep. */
export function planRequestCookies(header: string | null, context: JudgeContext, secure: boolean): RequestCookiePlan {
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
    // narrowed, GPC turned on, or written by script): expire it on every declared domain and path.
    if (verdict.category !== null && verdict.reason !== "route" && !expiries.some((e) => e.name === cookie.name)) {
      expiries.push({ name: cookie.name, lines: expiryLines(cookie.name, context, secure) });
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

/** `Set-Cookie` lines that delete `name` everywhere the policy says it may live. */
export function expiryLines(name: string, { policy }: JudgeContext, secure: boolean): string[] {
  const cls = policy.classifyCookie(name);
  const declared = cls.category === null ? undefined : policy.expirableCookies(cls.category).find((c) => c.name === name);
  const paths = declared?.paths.length ? declared.paths : ["/"];
  // Host-only first, then every declared domain.
  const domains: (string | null)[] = [null, ...(declared?.domains ?? [])];
  // __Host- cookies never carry a Domain; prefixed cookies need Secure (RFC 6265bis §4.1.3).
  const prefixed = name.startsWith("__Host-") || name.startsWith("__Secure-");
  const lines: string[] = [];
  for (const domain of name.startsWith("__Host-") ? [null] : domains) {
    for (const path of name.startsWith("__Host-") ? ["/"] : paths) {
      let line = `${name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=${path}`;
      if (domain !== null) line += `; Domain=${domain}`;
      if (secure || prefixed) line += "; Secure";
      lines.push(line);
    }
  }
  return lines;
}
