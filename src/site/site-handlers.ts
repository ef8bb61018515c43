/**
 * The requests Consentry answers itself: the settings page (also at the site's
 * own settings paths), the cookie declaration, /.well-known/gpc.json, and the
 * visitor's own receipt (read, erase). Everything else goes to the origin.
 */
import type { Context, Handler, MiddlewareHandler } from "hono";
import { languageFor } from "../banner/page-ui.ts";
import { consentSetCookie, otherConsentExpiry } from "../consent/consent-set-cookie.ts";
import { decide } from "../decision/decide.ts";
import { decideFor, readSignals } from "../decision/request-decision.ts";
import { revocationLines } from "../enforce/revoke.ts";
import type { SeenScopes } from "../enforce/seen-scopes.ts";
import type { ClientLimiter } from "../http/client-limit.ts";
import type { Logger } from "../enforce/report.ts";
import type { AppEnv } from "../env.ts";
import { safeReturnPath } from "../http/return-path.ts";
import { isSameOrigin } from "../http/same-origin.ts";
import { PATHS } from "../paths.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { eraseReceipt, readReceipt } from "../receipts/receipt-store.ts";
import { receiptMissingPage, receiptPage, wantsHtml } from "./receipt-page.ts";
import { cookiesPage, settingsPage } from "./settings-page.ts";
import { requestUrl } from "../http/request-url.ts";

export interface SiteOptions {
  registry: PolicyRegistry;
  log: Logger;
  now: () => number;
  /** Bounds erasures per client (each writes to D1). */
  limiter: ClientLimiter;
  seen?: SeenScopes;
}

const NO_STORE = { "cache-control": "no-store" };

function policyFor(c: Context<AppEnv>, registry: PolicyRegistry): CompiledPolicy | undefined {
  return registry.select(requestUrl(c.req.raw).hostname, c.env?.POLICY);
}

export function settingsHandler({ registry, now }: SiteOptions): Handler<AppEnv> {
  return async (c) => {
    const policy = policyFor(c, registry);
    if (policy === undefined) return c.notFound();
    const url = requestUrl(c.req.raw);
    const signals = await readSignals(c.req.raw, c.env ?? {}, policy, now());
    const returnPath = safeReturnPath(url.searchParams.get("return") ?? undefined);
    const decision = decideFor(policy, policy.route(new URL(returnPath, url)), signals);
    const notice = url.searchParams.has("erased") ? "erased" : url.searchParams.has("saved") ? "saved" : null;
    return settingsPage({ policy, decision, consent: signals.consent, language: languageFor(policy, c.req.raw), returnPath, selfPath: url.pathname + url.search, notice, host: url.hostname });
  };
}

/** The site's own "Cookie settings" links (`banner.settingsPaths`) open Consentry's settings page. */
export function settingsPathsMiddleware(options: SiteOptions): MiddlewareHandler<AppEnv> {
  const handler = settingsHandler(options);
  return async (c, next) => {
    const policy = policyFor(c, options.registry);
    if (policy !== undefined && policy.banner.settingsPaths.includes(requestUrl(c.req.raw).pathname)) return handler(c, next);
    return next();
  };
}

export function cookiesHandler({ registry, now }: SiteOptions): Handler<AppEnv> {
  return async (c) => {
    const policy = policyFor(c, registry);
    if (policy === undefined) return c.notFound();
    const signals = await readSignals(c.req.raw, c.env ?? {}, policy, now());
    const decision = decideFor(policy, policy.route(requestUrl(c.req.raw)), signals);
    return cookiesPage({ policy, decision, language: languageFor(policy, c.req.raw), host: requestUrl(c.req.raw).hostname });
  };
}

/** GPC spec §4: `{"gpc": true, "lastUpdate": "YYYY-MM-DD"}`, served as JSON. */
export function gpcHandler({ registry }: SiteOptions): Handler<AppEnv> {
  return (c) => {
    const policy = policyFor(c, registry);
    if (policy === undefined) return c.notFound();
    const body = { gpc: policy.gpcOptOut.size > 0, ...(policy.gpc.lastUpdate === undefined ? {} : { lastUpdate: policy.gpc.lastUpdate }) };
    return c.json(body, 200, { "cache-control": "public, max-age=86400", "access-control-allow-origin": "*" });
  };
}

/** The receipt id comes from the visitor's own signed consent cookie: nobody can ask for another's. */
async function receiptIdOf(c: Context<AppEnv>, policy: CompiledPolicy, now: number): Promise<string | null> {
  const signals = await readSignals(c.req.raw, c.env ?? {}, policy, now);
  return signals.consent.choice?.id ?? null;
}

export function receiptHandler({ registry, now }: SiteOptions): Handler<AppEnv> {
  return async (c) => {
    const policy = policyFor(c, registry);
    if (policy === undefined) return c.notFound();
    const html = wantsHtml(c.req.header("accept") ?? null);
    const language = languageFor(policy, c.req.raw);
    const missing = (error: string, extra: Record<string, string> = {}) =>
      html ? receiptMissingPage({ message: error, language, status: 404 }) : c.json({ error, ...extra }, 404, NO_STORE);
    const id = await receiptIdOf(c, policy, now());
    if (id === null) return missing("this browser holds no consent record");
    const db = c.env?.RECEIPTS;
    if (db === undefined) return missing("receipts are not stored on this deployment");
    const receipt = await readReceipt(db, id);
    if (receipt === null) return missing("no receipt with this id: it is still being written, or it was erased", { id });
    // The same URL answers a browser and a script: caches must keep the two apart.
    if (html) {
      const page = receiptPage({ policy, receipt, language });
      page.headers.set("vary", "Accept");
      return page;
    }
    return c.json(receipt, 200, { ...NO_STORE, vary: "Accept" });
  };
}

/**
 * Erasing the record also forgets the choice (a consent nobody can prove is no
 * consent): the consent cookie is expired, and so is every cookie of a category
 * that is no longer allowed without it.
 */
export function eraseHandler({ registry, now, log, limiter, seen }: SiteOptions): Handler<AppEnv> {
  return async (c) => {
    const request = c.req.raw;
    if (!isSameOrigin(request)) return c.json({ error: "cross-site request refused" }, 403, NO_STORE);
    const policy = policyFor(c, registry);
    if (policy === undefined) return c.notFound();
    if (!(await limiter(request, c.env?.CONSENT_RATE_LIMIT))) {
      return c.json({ error: "too many requests from this address; try again in a minute" }, 429, { ...NO_STORE, "retry-after": "60" });
    }
    const url = new URL(request.url);
    const nowMs = now();
    const signals = await readSignals(request, c.env ?? {}, policy, nowMs);
    const id = signals.consent.choice?.id ?? null;
    if (id !== null && c.env?.RECEIPTS !== undefined) {
      try {
        await eraseReceipt(c.env.RECEIPTS, id, Math.floor(nowMs / 1000));
      } catch (error) {
        log(JSON.stringify({ consentry: "receipt-erase-failed", id, error: String(error) }));
        return c.json({ error: "the record could not be erased right now; nothing was changed" }, 503, NO_STORE);
      }
    }
    let form: FormData | null = null;
    try {
      form = (request.headers.get("content-type") ?? "").includes("form") ? await request.formData() : null;
    } catch {
      form = null;
    }
    const back = safeReturnPath(form?.get("return")?.toString(), PATHS.settings);
    const route = policy.route(url);
    const withoutChoice = decide({ policy, route, consent: { status: "absent", choice: null }, gpc: signals.gpc, dnt: signals.dnt, jurisdiction: signals.jurisdiction });
    const headers = new Headers(NO_STORE);
    headers.append("set-cookie", consentSetCookie(policy, "", 0));
    headers.append("set-cookie", otherConsentExpiry(policy));
    const where = { host: url.hostname, path: url.pathname, secure: url.protocol === "https:", ...(seen === undefined ? {} : { seen }) };
    for (const line of revocationLines(policy, route, withoutChoice, request.headers.get("cookie"), where)) headers.append("set-cookie", line);
    if (form === null) {
      headers.set("content-type", "application/json");
      return new Response(JSON.stringify({ erased: id }), { status: 200, headers });
    }
    headers.set("location", withErasedFlag(back));
    return new Response(null, { status: 303, headers });
  };
}

/** `/x?a=1#top` → `/x?a=1&erased=1#top`: the flag goes in the query, before any fragment. */
function withErasedFlag(path: string): string {
  const hash = path.indexOf("#");
  const [base, fragment] = hash < 0 ? [path, ""] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}erased=1${fragment}`;
}
