/**
 * The Hono application. Dependencies come in as arguments (the policies, the
 * origin transport, the clock, the logger), so tests build the same app the
 * Worker runs and hand it a different origin, without mocks or test-only exports.
 *
 * @example
 * const app = createApp({ registry });
 * export default app; // a Worker: { fetch }
 */
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";
import { consentEndpoint } from "./consent/consent-endpoint.ts";
import { reportEndpoint } from "./inventory/report-endpoint.ts";
import { PATHS } from "./paths.ts";
import { proxyHandler, type ProxyOptions } from "./proxy/proxy-handler.ts";
import { cookiesHandler, eraseHandler, gpcHandler, receiptHandler, settingsHandler, settingsPathsMiddleware } from "./site/site-handlers.ts";

export type AppOptions = ProxyOptions;

export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = options.log ?? ((line: string) => console.log(line));
  const site = { registry: options.registry, log, now: options.now ?? Date.now };
  app.post(PATHS.consent, consentEndpoint(site));
  app.post(PATHS.cspReport, reportEndpoint(site));
  app.get(PATHS.settings, settingsHandler(site));
  app.get(PATHS.cookies, cookiesHandler(site));
  app.get(PATHS.gpc, gpcHandler(site));
  app.get(PATHS.receipt, receiptHandler(site));
  app.post(PATHS.erase, eraseHandler(site));
  app.get("*", settingsPathsMiddleware(site));
  app.all("*", proxyHandler(options));
  app.onError((error) => {
    log(JSON.stringify({ consentry: "error", error: String(error) }));
    return new Response("Consentry could not handle this request.\n", {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  });
  return app;
}
