/**
 * The Hono application. Dependencies come in as arguments (the policies, the
 * origin transport, the clock, the logger), so tests build the same app the
 * Worker runs and hand it a different origin, without mocks or test-only exports.
 *
 * @example
 * const app = createApp({ registry });
 * export default app; // a Worker: { fetch }
 */
import { HonoBase } from "hono/hono-base";
import { RegExpRouter } from "hono/router/reg-exp-router";
import type { AppEnv } from "./env.ts";
import { consentEndpoint } from "./consent/consent-endpoint.ts";
import { createSeenScopes } from "./enforce/seen-scopes.ts";
import { consentryBodyLimit } from "./http/body-limit.ts";
import { createClientLimiter, type ClientLimiter } from "./http/client-limit.ts";
import { reportEndpoint } from "./inventory/report-endpoint.ts";
import { storageReportEndpoint } from "./inventory/storage-report-endpoint.ts";
import { PATHS } from "./paths.ts";
import { proxyHandler, type ProxyOptions } from "./proxy/proxy-handler.ts";
import { cookiesHandler, eraseHandler, gpcHandler, receiptHandler, settingsHandler, settingsPathsMiddleware } from "./site/site-handlers.ts";

export interface AppOptions extends ProxyOptions {
  /** Counts choices and erasures per client when no CONSENT_RATE_LIMIT binding is bound (default: 60 a minute). */
  limiter?: ClientLimiter;
}

/** `Hono` from "hono" without the routers it never picks: see `createApp`. */
export type App = HonoBase<AppEnv>;

export function createApp(options: AppOptions): App {
  // The router `new Hono()` would pick for these routes (its SmartRouter takes RegExpRouter,
  // which handles fixed paths and wildcards), without the TrieRouter fallback and the
  // selection: 1.2 KB less gzipped. The lighter presets do not fit: hono/tiny's
  // PatternRouter and hono/quick's LinearRouter also match a path with a trailing
  // slash (`/_consentry/receipt/erase/`), which Consentry's routes must not.
  const app = new HonoBase<AppEnv>({ router: new RegExpRouter() });
  const log = options.log ?? ((line: string) => console.log(line));
  // One memory of cookie scopes and one client count per app (per isolate), shared by its handlers.
  const seen = createSeenScopes();
  const site = { registry: options.registry, log, now: options.now ?? Date.now, limiter: options.limiter ?? createClientLimiter(), seen };
  // Violation reports come in batches larger than a choice; the endpoint caps them itself (64 KiB), so it goes before the 8 KiB limit.
  app.post(PATHS.cspReport, reportEndpoint(site));
  app.post("/_consentry/*", consentryBodyLimit());
  app.post(PATHS.consent, consentEndpoint(site));
  app.post(PATHS.storageReport, storageReportEndpoint(site));
  app.get(PATHS.settings, settingsHandler(site));
  app.get(PATHS.cookies, cookiesHandler(site));
  app.get(PATHS.gpc, gpcHandler(site));
  app.get(PATHS.receipt, receiptHandler(site));
  app.post(PATHS.erase, eraseHandler(site));
  app.get("*", settingsPathsMiddleware(site));
  app.all("*", proxyHandler({ seen, ...options }));
  app.onError((error) => {
    log(JSON.stringify({ consentry: "error", error: String(error) }));
    return new Response("Consentry could not handle this request.\n", {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  });
  return app;
}
