/**
 * `consentry/hono`: Consentry as Hono middleware, for an app that already runs
 * on Workers. The app's own handlers take the place of the origin: the same
 * proxy handler the Worker runs (src/proxy/proxy-handler.ts) decides, keeps
 * refused cookies out of the request the handlers see, calls them, and shapes
 * their response (Set-Cookie lines, the allowlist, the rewritten page, the
 * banner). Consentry's own paths (`/_consentry/*`, `/.well-known/gpc.json`, the
 * policy's settings paths) are answered by the same handlers as in the Worker.
 *
 * Bindings come from the app's environment, as for the Worker: `CONSENT_SECRET`
 * (required outside loopback hosts), `COUNTRY_OVERRIDE`, `RECEIPTS`,
 * `RECEIPT_QUEUE`, `CONSENT_RATE_LIMIT`, `REFUSAL_LOG_RATE`, `ANALYTICS`.
 *
 * @example
 * import { Hono } from "hono";
 * import { consentry } from "consentry/hono";
 * import policy from "./policies/my-site.json";
 *
 * const app = new Hono();
 * app.use(consentry({ policy }));
 * app.get("/", (c) => c.html("<h1>Hello</h1>"));
 * export default app;
 */
import type { Context, MiddlewareHandler } from "hono";
import { createApp } from "../app.ts";
import { catalog } from "../catalog/lookup.ts";
import type { Logger } from "../enforce/report.ts";
import { createSeenScopes } from "../enforce/seen-scopes.ts";
import { createPageRewriter } from "../html/page-rewriter.ts";
import { PATHS } from "../paths.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { loadPolicy } from "../policy/load.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { proxyHandler } from "../proxy/proxy-handler.ts";
import { requestUrl } from "../http/request-url.ts";

export interface ConsentryOptions {
  /** The policy, as its JSON file holds it (validated and compiled once, here: a bad one throws at startup). */
  policy: unknown;
  /** The file name for error messages and the `id` check (default `policies/<id>.json`). */
  file?: string;
  log?: Logger;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

/** A registry of one: every host gets this policy. */
function single(policy: CompiledPolicy): PolicyRegistry {
  return { byId: new Map([[policy.id, policy]]), select: () => policy };
}

export function consentry(options: ConsentryOptions): MiddlewareHandler {
  const id = typeof options.policy === "object" && options.policy !== null ? String((options.policy as { id?: unknown }).id) : "policy";
  const policy = loadPolicy(options.file ?? `policies/${id}.json`, options.policy, catalog);
  const registry = single(policy);
  const transformHtml = createPageRewriter();
  const seen = createSeenScopes();
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? Date.now;
  // Consentry's own endpoints, exactly as the Worker serves them (its proxy never runs here).
  const own = createApp({ registry, transformHtml, log, now, fetchOrigin: () => Promise.reject(new Error("unreachable")) });
  const ownPaths = new Set<string>([PATHS.gpc, ...policy.banner.settingsPaths]);

  return async (c, next) => {
    const path = requestUrl(c.req.raw).pathname;
    if (path.startsWith("/_consentry/") || ownPaths.has(path)) return own.fetch(c.req.raw, c.env, executionContext(c));
    // The app's handlers are the origin: they get the request with refused cookies removed.
    const handler = proxyHandler({
      registry,
      transformHtml,
      seen,
      log,
      now,
      fetchOrigin: async (request) => {
        c.req.raw = request;
        await next();
        return c.res;
      },
    });
    const response = await handler(c, async () => {});
    if (!(response instanceof Response)) return;
    // Hono's `res` setter merges the previous response's headers (Set-Cookie included)
    // into the new one: clear it first, or the refused cookies would come back.
    c.res = undefined;
    c.res = response;
  };
}

/** The execution context, when the runtime gave one (Hono's getter throws otherwise). */
function executionContext(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx as ExecutionContext;
  } catch {
    return undefined;
  }
}
