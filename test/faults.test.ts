/**
 * Faults: each way the origin, the storage or the configuration can fail, and
 * the behaviour Consentry defines for it (docs/security.md, "Faults"). The
 * origin is test/support/hostile-origin.ts over real HTTP, or an in-process
 * origin where the fault needs a transport that HTTP would not allow.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { assertBindings, ConfigError } from "../src/config/check-bindings.ts";
import { createPageRewriter } from "../src/html/page-rewriter.ts";
import { PATHS } from "../src/paths.ts";
import type { Receipt } from "../src/receipts/receipt.ts";
import { registry } from "./support/policies.ts";
import { hostileOrigin } from "./support/provided.ts";
import { CALIFORNIA, consentCookie, cookiesSet, EU } from "./support/visitor.ts";
import { westhub } from "./support/policies.ts";
import { callWorker, readBody } from "./support/worker.ts";

const SITE = "https://westhub.app";
const viaHostile = (path: string, bindings = {}, headers: Record<string, string> = {}) =>
  callWorker(`${SITE}${path}`, { headers, bindings: { ORIGIN_URL: hostileOrigin(), ...bindings } });

describe("faults", () => {
  describe("the origin", () => {
    it("refusing connections: a 502 page, never cached, echoing nothing", async () => {
      const { response } = await callWorker(`${SITE}/%3Cscript%3E`, { bindings: { ORIGIN_URL: "http://127.0.0.1:9" } });
      expect(response.status).toBe(502);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      expect(html).toContain("This site cannot be reached right now");
      expect(html).not.toContain("script");
    });

    it("never answering: a 504 page once ORIGIN_TIMEOUT_MS has passed", async () => {
      const logs: string[] = [];
      const app = createApp({ registry, log: (line) => logs.push(line) });
      const response = await app.fetch(new Request(`${SITE}/hang`, { cf: EU } as RequestInit), { ...env, ORIGIN_URL: hostileOrigin(), ORIGIN_TIMEOUT_MS: "300" });
      expect(response.status).toBe(504);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("taking too long to answer");
      expect(logs.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ consentry: "origin-timeout", status: 504 }));
    });

    it("never answering, through a transport that ignores the abort signal: still 504", async () => {
      const app = createApp({ registry, fetchOrigin: () => new Promise<Response>(() => {}), log: () => {} });
      const response = await app.fetch(new Request(`${SITE}/`, { cf: EU } as RequestInit), { ...env, ORIGIN_TIMEOUT_MS: "50" });
      expect(response.status).toBe(504);
    });

    it("dripping slowly: the page streams to its end, however much longer than the timeout it takes", async () => {
      const { response } = await viaHostile("/drip-slow", { ORIGIN_TIMEOUT_MS: "500" });
      expect(response.status).toBe(200);
      expect(cookiesSet(response)).toEqual(["session"]);
      const body = await readBody(response);
      expect(body.error).toBeNull();
      expect(body.text).toContain(`<p id="end">last drop</p>`);
    });

    it("resetting the connection mid-body: the body ends as an error, never as a complete page", async () => {
      const { response } = await viaHostile("/reset");
      expect(response.status).toBe(200);
      expect(cookiesSet(response)).toEqual(["session"]);
      expect((await readBody(response)).error).not.toBeNull();
    });

    it.each(["text/html; charset=utf-8", "text/plain"])("sending less than its Content-Length over HTTP (%s): the body ends as an error", async (type) => {
      const { response } = await viaHostile(`/truncated?type=${encodeURIComponent(type)}`);
      expect((await readBody(response)).error).not.toBeNull();
    });

    it.each(["text/html; charset=utf-8", "text/plain"])("sending less than its Content-Length through a transport that does not check it (%s): the body ends as an error", async (type) => {
      // A service binding or an origin Worker hands over whatever body it has; HTTP/1.1 would have cut the connection.
      const short = async () =>
        new Response(new Blob(["<!doctype html><html><body><p>only the start"]).stream(), { headers: { "content-type": type, "content-length": "4000" } });
      const app = createApp({ registry, fetchOrigin: short, transformHtml: createPageRewriter(), log: () => {} });
      const response = await app.fetch(new Request(`${SITE}/`, { cf: EU } as RequestInit), env);
      expect(response.status).toBe(200);
      const body = await readBody(response);
      expect(body.error).toMatch(/FixedLengthStream/);
    });

    it("sending less than its Content-Length through the ORIGIN service binding: the body ends as an error", async () => {
      const origin = { fetch: async () => new Response(new Blob(["only the start"]).stream(), { headers: { "content-type": "text/plain", "content-length": "4000" } }) } as unknown as Fetcher;
      const { response } = await callWorker(`${SITE}/`, { bindings: { ORIGIN: origin } });
      expect((await readBody(response)).error).toMatch(/FixedLengthStream/);
    });

    it("sending a body of exactly its Content-Length: delivered whole", async () => {
      const page = "<!doctype html><html><body><p>whole</p></body></html>";
      const exact = async () => new Response(page, { headers: { "content-type": "text/plain", "content-length": String(page.length) } });
      const app = createApp({ registry, fetchOrigin: exact, log: () => {} });
      const response = await app.fetch(new Request(`${SITE}/`, { cf: EU } as RequestInit), env);
      expect(await response.text()).toBe(page);
    });

    it("cutting a gzip body short: the body ends as an error", async () => {
      const { response } = await viaHostile("/gzip-truncated", {}, { "accept-encoding": "gzip" });
      expect((await readBody(response)).error).not.toBeNull();
    });

    it("failing with a 5xx page: the page goes through, its cookies judged as on any page", async () => {
      const { response } = await viaHostile("/error");
      expect(response.status).toBe(500);
      expect(cookiesSet(response)).toEqual(["session"]);
      expect(await response.text()).toContain("the origin failed");
    });

    it.each([600, 999])("answering with status %i, which Fetch cannot represent: a 502 page instead of an exception", async (status) => {
      const logs: string[] = [];
      const app = createApp({ registry, log: (line) => logs.push(line) });
      const response = await app.fetch(new Request(`${SITE}/status/${status}`, { cf: EU } as RequestInit), { ...env, ORIGIN_URL: hostileOrigin() });
      expect(response.status).toBe(502);
      expect(await response.text()).toContain("This site cannot be reached right now");
      expect(logs.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ consentry: "origin-status", status: 502 }));
    });

    it("sending a 200 KB header: the response goes through, its cookies judged", async () => {
      const { response } = await viaHostile("/huge-headers");
      expect(response.status).toBe(200);
      expect(response.headers.get("x-huge")).toHaveLength(200 * 1024);
      await response.text();
    });
  });

  describe("storage and secrets", () => {
    /** D1 during an outage: every statement fails. */
    const outage = () => Promise.reject(new Error("D1_ERROR: Network connection lost"));
    const statement = { bind: () => statement, run: outage, first: outage, all: outage, raw: outage };
    const unavailable = { prepare: () => statement, batch: outage, exec: outage, dump: outage } as unknown as D1Database;

    it("D1 unavailable: the choice is made and answered at once, its receipt waits in the queue", async () => {
      const queued: Receipt[] = [];
      const queue = { send: async (receipt: Receipt) => void queued.push(receipt) } as unknown as Queue<Receipt>;
      const { response, settled } = await callWorker(`${SITE}${PATHS.consent}`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ action: "accept-all" }),
        bindings: { RECEIPTS: unavailable, RECEIPT_QUEUE: queue },
      });
      expect(response.status).toBe(200);
      const { receipt } = (await response.json()) as { receipt: string };
      await settled();
      expect(queued.map((r) => r.id)).toEqual([receipt]);
    });

    it("the signing secret missing in production: required cookies only, and the endpoint refuses to store a choice", async () => {
      const cookie = await consentCookie(westhub, ["functional", "analytics"]);
      const page = await callWorker(`${SITE}/`, { headers: { cookie }, cf: CALIFORNIA, bindings: { CONSENT_SECRET: undefined } });
      // California is opt-out: without a trusted choice the regime decides, and no forged grant counts.
      expect(cookiesSet(page.response)).toEqual(["session", "__cf_bm", "theme", "wh_aid", "_ga"]);
      await page.response.text();
      const eu = await callWorker(`${SITE}/`, { headers: { cookie }, bindings: { CONSENT_SECRET: undefined } });
      expect(cookiesSet(eu.response)).toEqual(["session", "__cf_bm"]);
      await eu.response.text();
      const post = await callWorker(`${SITE}${PATHS.consent}`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ action: "accept-all" }),
        bindings: { CONSENT_SECRET: undefined },
      });
      expect(post.response.status).toBe(503);
      expect(post.response.headers.getSetCookie()).toEqual([]);
    });
  });

  describe("the configuration", () => {
    it("a POLICY that names no policy: the Worker refuses to start, with one line and no stack", () => {
      let thrown: unknown;
      try {
        assertBindings({ POLICY: "westhb" }, [...registry.byId.keys()]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as Error).message).toBe('Consentry cannot start: POLICY "westhb" names no policy (policies/ has: westhub, whereby)');
      expect((thrown as Error).stack).toBe(`ConfigError: ${(thrown as Error).message}`);
    });

    it("a host no policy claims, with no POLICY: served required-only, and logged as an error on every request", async () => {
      const logs: string[] = [];
      const app = createApp({ registry, transformHtml: createPageRewriter(), log: (line) => logs.push(line) });
      const bindings = { ...env, POLICY: undefined };
      for (let i = 0; i < 2; i++) {
        const response = await app.fetch(new Request("https://unclaimed.example/trackers", { cf: CALIFORNIA } as RequestInit), bindings);
        expect(response.status).toBe(200);
        // Nothing declares the demo site's cookies here: not even its session passes, only what the
        // vendor catalog knows as strictly necessary (Cloudflare's bot-management cookie).
        expect(cookiesSet(response)).toEqual(["__cf_bm"]);
        const html = await response.text();
        expect(html).toContain(`data-src="https://www.googletagmanager.com/gtag/js?id=G-DEMO12345"`);
        expect(html).not.toMatch(/<script[^>]* src="https:\/\/www\.googletagmanager\.com/);
      }
      const errors = logs.map((l) => JSON.parse(l)).filter((l) => l.consentry === "no-policy");
      expect(errors).toEqual([
        { consentry: "no-policy", level: "error", host: "unclaimed.example", policy: null, served: "required-only" },
        { consentry: "no-policy", level: "error", host: "unclaimed.example", policy: null, served: "required-only" },
      ]);
    });

    it("an ORIGIN_TIMEOUT_MS that is not a number of milliseconds: the Worker refuses to start", () => {
      expect(() => assertBindings({ POLICY: "westhub", ORIGIN_TIMEOUT_MS: "30s" }, ["westhub"])).toThrow(
        'Consentry cannot start: ORIGIN_TIMEOUT_MS must be a whole number of milliseconds from 1 to 300000, not "30s"',
      );
    });
  });
});
