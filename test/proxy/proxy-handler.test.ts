/**
 * The proxy as a proxy: bodies, methods, statuses, redirects, encodings,
 * WebSockets, caching, failures, and the per-route modes.
 */
import { env } from "cloudflare:workers";
import type { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv, Env } from "../../src/env.ts";
import { BINARY, JSON_BODY } from "../../demo/origin.ts";
import { createApp } from "../../src/app.ts";
import worker from "../../src/index.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { loadRegistry } from "../../src/policy/load.ts";
import type { PolicyRegistry } from "../../src/policy/registry.ts";
import { REPORT_HEADER } from "../../src/enforce/report.ts";
import { catalog, westhub, westhubInput, wherebyInput } from "../support/policies.ts";
import { CALIFORNIA, consentCookie, cookiesSet, echoed, EU, visit } from "../support/visitor.ts";

function registryWith(...edits: ((p: typeof westhubInput) => void)[]): PolicyRegistry {
  const data = structuredClone(westhubInput);
  for (const edit of edits) edit(data);
  return loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
}

function call(app: Hono<AppEnv>, url: string, init: RequestInit & { cf?: unknown } = {}, bindings: Env = env) {
  return app.fetch(new Request(url, { cf: EU, redirect: "manual", ...init } as RequestInit), bindings);
}

describe("proxy", () => {
  describe("bodies that are not HTML", () => {
    it("should pass a binary body byte for byte", async () => {
      const response = await visit("https://westhub.app/binary.png");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(BINARY);
      expect(response.headers.get("content-type")).toBe("image/png");
    });

    it("should pass JSON byte for byte, and still filter its Set-Cookie lines", async () => {
      const response = await visit("https://westhub.app/api/data.json");
      expect(cookiesSet(response)).toEqual(["session"]);
      expect(await response.text()).toBe(JSON_BODY);
    });

    it("should decode a gzip origin so the page is readable", async () => {
      const response = await visit("https://westhub.app/gzip", { headers: { "accept-encoding": "gzip" } });
      expect(await response.text()).toContain("gzip from the origin");
    });
  });

  describe("methods and statuses", () => {
    it("should answer HEAD without a body, with filtered cookies", async () => {
      const response = await visit("https://westhub.app/", { method: "HEAD" });
      expect(response.status).toBe(200);
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      expect(await response.text()).toBe("");
    });

    it("should pass 204 and strip its unconsented cookie", async () => {
      const response = await visit("https://westhub.app/no-content");
      expect(response.status).toBe(204);
      expect(cookiesSet(response)).toEqual([]);
    });

    it("should pass 304 Not Modified", async () => {
      const response = await visit("https://westhub.app/cached", { headers: { "if-none-match": '"v1"' } });
      expect(response.status).toBe(304);
    });

    it("should forward a POST body to the origin", async () => {
      const response = await visit("https://westhub.app/echo", { method: "POST", body: "a=1&b=2", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(((await response.json()) as { body: string }).body).toBe("a=1&b=2");
    });
  });

  describe("redirects", () => {
    it("should not follow them, and point ones at ORIGIN_URL to the public site", async () => {
      const response = await visit("https://westhub.app/redirect/origin");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("https://westhub.app/pricing?from=redirect");
    });

    it("should leave relative and external locations alone", async () => {
      expect((await visit("https://westhub.app/redirect/relative")).headers.get("location")).toBe("/pricing");
      expect((await visit("https://westhub.app/redirect/elsewhere")).headers.get("location")).toBe("https://example.org/somewhere");
    });
  });

  describe("toward the origin", () => {
    it("should limit Accept-Encoding to what the runtime decodes", async () => {
      expect((await echoed(await visit("https://westhub.app/echo", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } })))["accept-encoding"]).toBe("gzip, br");
    });

    it("should tell the origin the public host", async () => {
      const headers = await echoed(await visit("https://westhub.app/echo"));
      expect(headers["x-forwarded-host"]).toBe("westhub.app");
      expect(headers["x-forwarded-proto"]).toBe("https");
    });
  });

  it("should stream the body: the first chunk arrives before the origin has finished", async () => {
    const response = await visit("https://westhub.app/drip");
    const reader = response.body!.getReader();
    let first = "";
    while (!first.includes("first chunk")) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      first += new TextDecoder().decode(chunk.value);
    }
    // Buffered, the page would arrive whole: the origin sends its last chunk a second later.
    expect(first).not.toContain("last chunk");
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain("last chunk");
  });

  it("should pass WebSocket upgrades through", async () => {
    const response = await visit("https://westhub.app/ws", { headers: { upgrade: "websocket", connection: "Upgrade" } });
    expect(response.status).toBe(101);
    const socket = response.webSocket!;
    socket.accept();
    const reply = new Promise<string>((resolve) => socket.addEventListener("message", (event) => resolve(String(event.data))));
    socket.send("hello");
    expect(await reply).toBe("echo:hello");
    socket.close();
  });

  describe("caching", () => {
    it("should make a consent-shaped response private and vary it on Cookie and Sec-GPC", async () => {
      const response = await visit("https://westhub.app/");
      expect(response.headers.get("cache-control")).toBe("private, max-age=60");
      expect(response.headers.get("vary")).toBe("Cookie, Sec-GPC");
      await response.text();
    });

    it("should leave a response it did not change cacheable", async () => {
      const response = await visit("https://westhub.app/logo.png");
      expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
      expect(response.headers.get("vary")).toBeNull();
      await response.arrayBuffer();
    });
  });

  describe("failures", () => {
    it("should answer 502 with a clear page when the origin is unreachable", async () => {
      const response = await worker.fetch(new Request("https://westhub.app/", { cf: EU } as RequestInit), { ...env, ORIGIN_URL: "http://127.0.0.1:9" });
      expect(response.status).toBe(502);
      expect(await response.text()).toContain("This site cannot be reached right now");
    });

    it("should still serve the page, with required cookies only, when shaping the response throws", async () => {
      const logs: string[] = [];
      const app = createApp({
        registry: registryWith(),
        transformHtml: () => {
          throw new Error("rewriter exploded");
        },
        log: (line) => logs.push(line),
      });
      const cookie = await consentCookie(westhub, ["functional", "analytics"]);
      const response = await call(app, "https://westhub.app/", { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      expect(await response.text()).toContain("Welcome to Northwind");
      expect(logs.some((l) => JSON.parse(l).consentry === "enforcement-error")).toBe(true);
    });

    it("should fall back to required categories only when the decision throws", async () => {
      const broken: CompiledPolicy = Object.create(westhub, {
        jurisdictions: {
          get() {
            throw new Error("corrupt policy");
          },
        },
      });
      const app = createApp({ registry: { byId: new Map(), select: () => broken }, log: () => {} });
      const response = await call(app, "https://westhub.app/", { cf: CALIFORNIA } as RequestInit);
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("should trust no choice, and say why in the log, when CONSENT_SECRET is missing in production", async () => {
      const logs: string[] = [];
      const app = createApp({ registry: registryWith(), log: (line) => logs.push(line) });
      const cookie = await consentCookie(westhub, ["functional", "analytics"]);
      const response = await call(app, "https://westhub.app/", { headers: { cookie } }, { ...env, CONSENT_SECRET: undefined });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      expect(logs.map((l) => JSON.parse(l))).toContainEqual({ consentry: "misconfigured", reason: expect.stringContaining("CONSENT_SECRET") });
      await response.text();
    });
  });

  describe("per-route modes", () => {
    it("should change nothing on an `off` route", async () => {
      const app = createApp({ registry: registryWith((p) => p.routes!.unshift({ pattern: "/docs{/*}?", mode: "off" })), log: () => {} });
      const response = await call(app, "https://westhub.app/docs/fixture/set-cookie?c=_fbp%3D1");
      expect(cookiesSet(response)).toEqual(["_fbp"]);
      expect(response.headers.get("vary")).toBeNull();
      await response.text();
    });

    it("should log each action and sum them up in a header in report-only mode, changing nothing", async () => {
      const logs: string[] = [];
      const app = createApp({ registry: registryWith((p) => p.routes!.unshift({ pattern: "/beta{/*}?", mode: "report-only" })), log: (line) => logs.push(line) });
      const response = await call(app, "https://westhub.app/beta/fixture/set-cookie?c=_ga%3D1&c=session%3D2&c=_fbp%3D3", { headers: { cookie: "_fbp=x; session=y" } });
      expect(cookiesSet(response)).toEqual(["_ga", "session", "_fbp"]);
      expect(response.headers.get(REPORT_HEADER)).toBe("strip-request-cookie=_fbp; expire-cookie=_fbp; strip-set-cookie=_ga,_fbp");
      const lines = logs.map((l) => JSON.parse(l));
      expect(lines).toContainEqual(expect.objectContaining({ consentry: "report-only", action: "strip-set-cookie", cookie: "_ga", category: "analytics", reason: "no-choice", route: "/beta{/*}?", jurisdiction: "DE" }));
      expect(lines.filter((l) => l.consentry === "report-only")).toHaveLength(4);
      await response.text();
    });

    it("should expire a cookie of an unconsented category the browser holds, and log it in enforce mode", async () => {
      const logs: string[] = [];
      const app = createApp({ registry: registryWith(), log: (line) => logs.push(line) });
      // What a script's write past the client guard leaves in the jar: the next request carries it.
      const response = await call(app, "https://westhub.app/pricing", { headers: { cookie: "_ga=GA1.1.1.1; session=y" } });
      expect(response.headers.getSetCookie().some((l) => /^_ga=; Max-Age=0/.test(l))).toBe(true);
      const lines = logs.map((l) => JSON.parse(l));
      expect(lines).toContainEqual(expect.objectContaining({ consentry: "cookie-expired", action: "expire-cookie", cookie: "_ga", category: "analytics", reason: "no-choice", path: "/pricing" }));
      expect(lines.filter((l) => l.consentry === "cookie-expired")).toHaveLength(1);
      await response.text();
    });

    it("should forward the cookies untouched in report-only mode", async () => {
      const app = createApp({ registry: registryWith((p) => p.routes!.unshift({ pattern: "/echo", mode: "report-only" })), log: () => {} });
      expect((await echoed(await call(app, "https://westhub.app/echo", { headers: { cookie: "_fbp=x; session=y" } }))).cookie).toBe("_fbp=x; session=y");
    });
  });

  describe("policy selection and jurisdiction override", () => {
    it("should use POLICY for a host no policy claims", async () => {
      const response = await visit("https://unclaimed.example/");
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("should let COUNTRY_OVERRIDE force the jurisdiction", async () => {
      const asCalifornia = await worker.fetch(new Request("https://westhub.app/", { cf: EU } as RequestInit), { ...env, COUNTRY_OVERRIDE: "US-CA" });
      expect(cookiesSet(asCalifornia)).toContain("wh_aid");
      await asCalifornia.text();
      const asGermany = await worker.fetch(new Request("https://westhub.app/", { cf: CALIFORNIA } as RequestInit), { ...env, COUNTRY_OVERRIDE: "DE" });
      expect(cookiesSet(asGermany)).not.toContain("wh_aid");
      await asGermany.text();
    });
  });
});
