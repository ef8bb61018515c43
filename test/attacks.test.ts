/**
 * Attacks: what a hostile visitor, a hostile page, a sibling subdomain or a
 * hostile origin can try, each with the test that shows it fails
 * (docs/security.md, "Attacks"). Everything goes through the Worker.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { decodeConsent } from "../src/consent/consent-cookie.ts";
import { createPageRewriter } from "../src/html/page-rewriter.ts";
import { createClientLimiter } from "../src/http/client-limit.ts";
import { PATHS } from "../src/paths.ts";
import { loadRegistry } from "../src/policy/load.ts";
import { readReceipt } from "../src/receipts/receipt-store.ts";
import { catalog, registry, variant, westhub, westhubInput, wherebyInput } from "./support/policies.ts";
import { hostileOrigin } from "./support/provided.ts";
import { CALIFORNIA, consentCookie, cookiesExpired, cookiesSet, echoed, EU, visit } from "./support/visitor.ts";
import { callWorker } from "./support/worker.ts";

const SITE = "https://westhub.app";
const SAME = { "sec-fetch-site": "same-origin", origin: SITE };
let client = 0;
/** A distinct client address per call, so the per-client limit stays out of the way unless a test wants it. */
const fresh = () => ({ "cf-connecting-ip": `198.51.${Math.floor(++client / 250)}.${client % 250}` });
const formPost = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  visit(`${SITE}${path}`, { method: "POST", body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded", ...SAME, ...fresh(), ...headers } });
const jsonPost = (body: unknown, headers: Record<string, string> = {}) =>
  visit(`${SITE}${PATHS.consent}`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...SAME, ...fresh(), ...headers } });
const consentLine = (response: Response) => response.headers.getSetCookie().find((l) => /^__Host-consentry=[^;]/.test(l));
const consentPair = (response: Response) => consentLine(response)!.split(";")[0]!;
const keys = async () => {
  const { resolveSigningKeys } = await import("../src/consent/signing-keys.ts");
  const resolved = await resolveSigningKeys(env.CONSENT_SECRET, "test");
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.keys;
};

/** The open-redirect forms reproduced against Consentry, and more of their family. */
const REDIRECTS = ["/.//evil.com", "/..//evil.com", "/%2e//evil.com", "/./\\evil.com", "/a/..//evil.com", "/\t/evil.com", "/.\\/evil.com", "//evil.com", "https://evil.com/"];

describe("attacks", () => {
  describe("open redirect through a return path", () => {
    it.each(REDIRECTS)("the consent endpoint never sends the visitor to %j", async (target) => {
      const response = await formPost(PATHS.consent, { action: "reject-all", return: target });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
    });

    it.each(REDIRECTS)("the erase endpoint never sends the visitor to %j", async (target) => {
      const response = await formPost(PATHS.erase, { return: target });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/_consentry/settings?erased=1");
    });

    it.each([...REDIRECTS, "/.//evil.example/phish"])("the settings page never links back to %j", async (target) => {
      const html = await (await visit(`${SITE}${PATHS.settings}?return=${encodeURIComponent(target)}`)).text();
      expect(html).toContain(`<a href="/">Back to the site</a>`);
      expect(html).not.toContain("evil");
    });

    it("a return path cannot inject a header", async () => {
      const response = await formPost(PATHS.consent, { action: "reject-all", return: "/a\r\nSet-Cookie: injected=1" });
      expect(response.headers.get("location")).toBe("/aSet-Cookie:%20injected=1");
      expect(cookiesSet(response)).not.toContain("injected");
    });
  });

  describe("planting a consent cookie (a sibling subdomain, or a network attacker on plain HTTP)", () => {
    it("the choice lives in a __Host- cookie: Secure, Path=/, no Domain, so only this host over HTTPS can set it", async () => {
      const line = consentLine(await formPost(PATHS.consent, { action: "accept-all" }))!;
      expect(line).toMatch(/^__Host-consentry=.+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      expect(line).not.toMatch(/Domain=/i);
    });

    it("a validly signed 'accept all' under the unprefixed name grants nothing", async () => {
      const planted = await consentCookie(westhub, ["functional", "analytics"], {}, "consentry");
      const response = await visit(`${SITE}/`, { headers: { cookie: planted } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      // The visitor is still asked.
      expect(await response.text()).toMatch(/<section id="[^"]+" class="cy" role="region"/);
    });

    it("the unprefixed copy still counts for its refusals, so a choice from before __Host- is not lost", async () => {
      const old = await consentCookie(westhub, [], {}, "consentry");
      const response = await visit(`${SITE}/`, { cf: CALIFORNIA, headers: { cookie: old } });
      // California is opt-out: without the old refusal, analytics would be on.
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("the visitor's own __Host- copy wins over a planted one", async () => {
      const own = await consentCookie(westhub, []);
      const planted = await consentCookie(westhub, ["functional", "analytics"], {}, "consentry");
      const response = await visit(`${SITE}/`, { headers: { cookie: `${planted}; ${own}` } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("a new choice expires the unprefixed copy", async () => {
      const response = await formPost(PATHS.consent, { action: "reject-all" });
      expect(response.headers.getSetCookie()).toContain("consentry=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax");
    });

    describe("with a shared consent.domain, where __Host- is impossible", () => {
      const shared = variant(westhubInput, (p) => {
        p.consent = { cookieName: "consentry", lifetimeDays: 182, domain: ".westhub.app" };
      });
      const app = createApp({ registry: { byId: new Map([["westhub", shared]]), select: () => shared }, log: () => {} });
      const call = (cookie: string) => app.fetch(new Request(`${SITE}/`, { cf: EU, headers: { cookie } } as RequestInit), env);

      it("the cookie is written for the domain, under its plain name", async () => {
        const response = await app.fetch(new Request(`${SITE}${PATHS.consent}`, { method: "POST", headers: { ...SAME, ...fresh(), "content-type": "application/json" }, body: JSON.stringify({ action: "reject-all" }) }), env);
        expect(response.headers.getSetCookie()[0]).toMatch(/^consentry=.+; Domain=\.westhub\.app; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      });

      it("when two valid copies disagree, the least permissive one counts", async () => {
        const mine = await consentCookie(shared, ["functional"]);
        const planted = await consentCookie(shared, ["functional", "analytics"]);
        for (const order of [`${planted}; ${mine}`, `${mine}; ${planted}`]) {
          const response = await call(order);
          expect(cookiesSet(response)).toEqual(["session", "__cf_bm", "theme"]);
          await response.text();
        }
      });
    });
  });

  describe("the origin setting Consentry's own cookie", () => {
    const planted = (name: string) => `/headers?c=${encodeURIComponent(`${name}=1.1.functional~analytics..x.AAAAAAAAAAAAAAAAAAAAAA.-.AAAAAAAAAAAAAAAAAAAAAA; Path=/`)}&c=${encodeURIComponent("session=s; Path=/")}`;
    const app = (mode?: "off" | "report-only") => {
      const data = structuredClone(westhubInput);
      if (mode !== undefined) data.routes!.unshift({ pattern: "/headers", mode });
      return createApp({ registry: loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog), log: () => {} });
    };

    it.each([
      ["an enforce", undefined],
      ["a report-only", "report-only"],
      ["an off", "off"],
    ] as const)("is stripped on %s route, whatever the spelling", async (_, mode) => {
      for (const name of ["consentry", "__Host-consentry", "__host-CONSENTRY"]) {
        const response = await app(mode).fetch(new Request(`${SITE}${planted(name)}`, { cf: EU } as RequestInit), { ...env, ORIGIN_URL: hostileOrigin() });
        expect(cookiesSet(response)).toEqual(["session"]);
        await response.text();
      }
    });
  });

  describe("unbounded consent submissions", () => {
    it("a chunked body past 8 KiB is refused with 413 without a Content-Length to go by", async () => {
      const chunk = new TextEncoder().encode(`{"action":"accept-all","categories":[${'"x",'.repeat(1000)}"x"]}`);
      const body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await visit(`${SITE}${PATHS.consent}`, { method: "POST", body, headers: { "content-type": "application/json", ...SAME, ...fresh() } });
      expect(response.status).toBe(413);
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it("a declared Content-Length past 8 KiB is refused with 413", async () => {
      const response = await jsonPost({ action: "accept-all", return: `/${"a".repeat(9000)}` });
      expect(response.status).toBe(413);
    });

    it("the same choice again keeps the receipt it has, and writes none", async () => {
      // Receipts go to a recording queue here (no D1 bound), so every write can be counted.
      const written: string[] = [];
      const queue = { send: async (receipt: { id: string }) => void written.push(receipt.id) } as unknown as Queue<never>;
      const choose = async (body: unknown, cookie = "") => {
        const call = await callWorker(`${SITE}${PATHS.consent}`, {
          method: "POST",
          headers: { ...SAME, ...fresh(), cookie, "content-type": "application/json" },
          body: JSON.stringify(body),
          bindings: { RECEIPTS: undefined, RECEIPT_QUEUE: queue },
        });
        const answer = (await call.response.json()) as { receipt: string };
        await call.settled();
        return { cookie: consentPair(call.response), receipt: answer.receipt };
      };
      const first = await choose({ action: "custom", categories: ["analytics"] });
      const again = await choose({ action: "custom", categories: ["analytics"] }, first.cookie);
      expect(again).toEqual(first);
      const changed = await choose({ action: "reject-all" }, first.cookie);
      expect(changed.receipt).not.toBe(first.receipt);
      expect(written).toEqual([first.receipt, changed.receipt]);
    });

    it("one client gets a bounded number of choices a minute (the CONSENT_RATE_LIMIT binding), others are unaffected", async () => {
      const attacker = { "cf-connecting-ip": "203.0.113.66" };
      const statuses: number[] = [];
      for (let i = 0; i < 62; i++) statuses.push((await jsonPost({ action: i % 2 === 0 ? "accept-all" : "reject-all" }, attacker)).status);
      expect(statuses.slice(0, 60)).toEqual(Array(60).fill(200));
      expect(statuses.slice(60)).toEqual([429, 429]);
      expect((await jsonPost({ action: "accept-all" })).status).toBe(200);
    });

    it("without the binding, each isolate still counts per client", async () => {
      const app = createApp({ registry, limiter: createClientLimiter({ limit: 3 }), log: () => {} });
      const post = (ip: string) =>
        app.fetch(new Request(`${SITE}${PATHS.erase}`, { method: "POST", headers: { ...SAME, "cf-connecting-ip": ip } }), { ...env, CONSENT_RATE_LIMIT: undefined });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post("203.0.113.7")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await post("203.0.113.8")).status).toBe(200);
    });
  });

  describe("cross-site consent submission", () => {
    it.each([
      ["a cross-site form", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
      ["a same-site sibling", { "sec-fetch-site": "same-site", origin: "https://shop.westhub.app" }],
      ["no Fetch Metadata and no Origin", {}],
      ["Origin: null (a sandboxed frame, a data: URL)", { origin: "null" }],
      ["a foreign Origin", { origin: "https://evil.example" }],
    ])("%s is refused and changes nothing", async (_, headers) => {
      for (const path of [PATHS.consent, PATHS.erase]) {
        const response = await visit(`${SITE}${path}`, {
          method: "POST",
          body: new URLSearchParams({ action: "accept-all" }).toString(),
          headers: { "content-type": "application/x-www-form-urlencoded", ...fresh(), ...headers },
        });
        expect(response.status).toBe(403);
        expect(response.headers.getSetCookie()).toEqual([]);
      }
    });
  });

  describe("script injection", () => {
    const hostile = variant(westhubInput, (p) => {
      p.name = `</title><script>alert("name")</script>`;
      p.categories[2]!.label = `<img src=x onerror=alert("label")>`;
      p.categories[2]!.description = `"><script>alert("description")</script>`;
      p.banner = { ...p.banner, texts: { en: { acceptAll: `"><script>alert("text")</script>` } } };
    });
    const app = createApp({ registry: { byId: new Map([["westhub", hostile]]), select: () => hostile }, transformHtml: createPageRewriter(), log: () => {} });
    const page = async (path: string, headers: Record<string, string> = {}) => (await app.fetch(new Request(`${SITE}${path}`, { cf: EU, headers } as RequestInit), env)).text();
    const noScript = (html: string) => {
      expect(html).not.toMatch(/<script>alert|<img src=x/);
    };

    it("through the policy's strings, in the banner, the settings page and the declaration", async () => {
      for (const path of ["/", PATHS.settings, PATHS.cookies]) {
        const html = await page(path);
        noScript(html);
        expect(html).toContain("&lt;/title&gt;&lt;script&gt;");
      }
    });

    it("through the URL", async () => {
      const payload = `"><script>alert(1)</script>`;
      for (const path of [`/pricing?q=${payload}`, `/${encodeURIComponent(payload)}`, `${PATHS.settings}?return=/${encodeURIComponent(payload)}`, `${PATHS.settings}?x=${encodeURIComponent(payload)}`]) {
        const html = await (await visit(`${SITE}${path}`)).text();
        expect(html).not.toContain("<script>alert(1)");
        // The payload never breaks out of an attribute (Consentry's own head script may well follow a tag's closing quote).
        expect(html).not.toContain(`"><script>alert`);
      }
    });

    it("through Accept-Language", async () => {
      for (const language of [`"><script>alert(1)</script>`, `en"><script>alert(1)</script>`, `x-<script>`]) {
        const html = await (await visit(`${SITE}${PATHS.settings}`, { headers: { "accept-language": language } })).text();
        expect(html).toContain(`<html lang="en">`);
        expect(html).not.toContain("<script");
      }
    });

    it("through cookie names, which reach the report header and the log, never the page", async () => {
      const logs: string[] = [];
      const data = structuredClone(westhubInput);
      data.routes!.unshift({ pattern: "/pricing", mode: "report-only" });
      const reporting = createApp({ registry: loadRegistry([{ file: "policies/westhub.json", data }], catalog), transformHtml: createPageRewriter(), log: (l) => logs.push(l) });
      const name = `"><script>alert(1)</script>`;
      const response = await reporting.fetch(new Request(`${SITE}/pricing`, { cf: EU, headers: { cookie: `${name}=1; _ga=2` } } as RequestInit), env);
      expect(response.headers.get("consentry-report-only")).toContain(name);
      expect(await response.text()).not.toContain("alert(1)");
      expect(logs.some((l) => JSON.parse(l).cookie === name)).toBe(true);
    });
  });

  describe("forged, unsigned, foreign, replayed and oversized consent cookies", () => {
    const decode = async (value: string, policyId = "westhub", now = Math.floor(Date.now() / 1000)) =>
      (await decodeConsent(value, { policyId, revision: westhub.revision, lifetimeDays: westhub.consent.lifetimeDays, now, keys: await keys() })).status;
    const valueOf = (pair: string) => pair.slice(pair.indexOf("=") + 1);

    it("an edited grant is forged", async () => {
      const real = valueOf(await consentCookie(westhub, ["functional"]));
      expect(await decode(real.replace(".functional.", ".functional~analytics."))).toBe("forged");
    });

    it("an unsigned cookie (no MAC, or an empty one) is malformed or forged", async () => {
      const real = valueOf(await consentCookie(westhub, ["analytics"]));
      expect(await decode(real.slice(0, real.lastIndexOf(".")))).toBe("malformed");
      expect(await decode(`${real.slice(0, real.lastIndexOf("."))}.`)).toBe("forged");
    });

    it("a cookie signed with another secret, or for another policy, is forged", async () => {
      const { encodeConsent } = await import("../src/consent/consent-cookie.ts");
      const other = await crypto.subtle.importKey("raw", new TextEncoder().encode("another-secret-another-secret-another"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const choice = { granted: ["analytics"], refused: [], vendors: [], revision: 1, time: Math.floor(Date.now() / 1000), id: "A".repeat(22), gpc: false };
      expect(await decode(await encodeConsent(choice, "westhub", other))).toBe("forged");
      expect(await decode(valueOf(await consentCookie(westhub, ["analytics"])), "whereby")).toBe("forged");
    });

    it("a replayed cookie carries only what it was made with: expired past the lifetime, stale after a revision", async () => {
      const real = valueOf(await consentCookie(westhub, ["analytics"]));
      expect(await decode(real, "westhub", Math.floor(Date.now() / 1000) + 183 * 86_400)).toBe("expired");
      const revised = variant(westhubInput, (p) => {
        p.revision = 2;
      });
      const { readConsent } = await import("../src/consent/read-consent.ts");
      const state = await readConsent(`__Host-consentry=${real}`, revised, await keys(), Math.floor(Date.now() / 1000));
      expect(state.status).toBe("stale");
    });

    it("an oversized cookie, and a header stuffed with copies, mean no choice and cost a bounded amount of work", async () => {
      const real = await consentCookie(westhub, ["functional", "analytics"]);
      expect(await decode(`${valueOf(real)}${"A".repeat(5000)}`)).toBe("malformed");
      const forged = real.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      const stuffed = `${Array(500).fill(forged).join("; ")}; ${real}`;
      const response = await visit(`${SITE}/`, { headers: { cookie: stuffed } });
      // Only the first copies are verified: the valid one behind 500 forged ones is not reached.
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });

    it("copies planted under the other name cannot crowd out the visitor's own", async () => {
      const own = await consentCookie(westhub, []);
      const planted = Array(10).fill("consentry=junk").join("; ");
      // California is opt-out: if the visitor's refusal were crowded out, analytics would be on.
      const response = await visit(`${SITE}/`, { cf: CALIFORNIA, headers: { cookie: `${planted}; ${own}` } });
      expect(cookiesSet(response)).toEqual(["session", "__cf_bm"]);
      await response.text();
    });
  });

  describe("path tricks on the receipt routes", () => {
    async function withReceipt() {
      const response = await jsonPost({ action: "accept-all" });
      const cookie = consentPair(response);
      const { receipt } = (await response.json()) as { receipt: string };
      for (let i = 0; i < 50 && (await readReceipt(env.RECEIPTS!, receipt)) === null; i++) await new Promise((r) => setTimeout(r, 20));
      return { cookie, receipt };
    }

    it("no spelling of the erase route erases without a same-origin POST", async () => {
      const { cookie, receipt } = await withReceipt();
      for (const [method, path] of [
        ["GET", PATHS.erase],
        ["POST", "/_consentry//receipt/erase"],
        ["POST", "/_consentry/receipt%2Ferase"],
        ["POST", "/_consentry/Receipt/Erase"],
        ["POST", "/_consentry/receipt/erase/"],
        ["POST", "/_consentry/receipt/erase;x"],
      ] as const) {
        const response = await visit(`${SITE}${path}`, { method, headers: { cookie, ...SAME, ...fresh() } });
        expect(cookiesExpired(response), `${method} ${path}`).not.toContain("__Host-consentry");
        await response.text();
      }
      const crossSite = await visit(`${SITE}/_consentry/receipt/../receipt/erase`, { method: "POST", headers: { cookie, "sec-fetch-site": "cross-site", ...fresh() } });
      expect(crossSite.status).toBe(403);
      expect(await readReceipt(env.RECEIPTS!, receipt)).not.toBeNull();
    });

    it("no spelling of the receipt route shows a receipt other than the visitor's own", async () => {
      const { receipt } = await withReceipt();
      for (const path of [`${PATHS.receipt}?id=${receipt}`, `${PATHS.receipt}/${receipt}`, `/_consentry//receipt?id=${receipt}`, `${PATHS.receipt}/../receipt?id=${receipt}`]) {
        const response = await visit(`${SITE}${path}`);
        // A receipt is JSON with the choice in it; these answers are a 404 or the origin's page.
        expect(await response.text(), path).not.toContain('"choice"');
      }
    });
  });

  describe("the origin's own address", () => {
    const origin = () => new URL(hostileOrigin());
    const redirect = (location: string) => `/headers?status=302&h=${encodeURIComponent(`location:${location}`)}`;

    it.each([
      (o: URL) => `${o.origin}/x`,
      (o: URL) => `//${o.host}/x`,
      (o: URL) => `/\\${o.host}/x`,
      (o: URL) => `\\\\${o.host}/x`,
      (o: URL) => `/\t/${o.host}/x`,
      (o: URL) => `https://${o.host}/x`,
      (o: URL) => `HTTP://${o.host.toUpperCase()}/x`,
    ])("never leaves in a Location (%#)", async (form) => {
      const { response } = await callWorker(`${SITE}${redirect(form(origin()))}`, { bindings: { ORIGIN_URL: hostileOrigin() } });
      expect(response.headers.get("location")).toBe(`${SITE}/x`);
    });

    it("never leaves in Refresh, Content-Location or Link", async () => {
      const o = origin();
      const path =
        `/headers?h=${encodeURIComponent(`refresh:5; url=${o.origin}/next`)}` +
        `&h=${encodeURIComponent(`content-location:${o.origin}/page.html`)}` +
        `&h=${encodeURIComponent(`link:<${o.origin}/style.css>; rel=preload; as=style, <https://fonts.gstatic.com/a.woff2>; rel=preload`)}`;
      const { response } = await callWorker(`${SITE}${path}`, { bindings: { ORIGIN_URL: hostileOrigin() } });
      expect(response.headers.get("refresh")).toBe(`5; url=${SITE}/next`);
      expect(response.headers.get("content-location")).toBe(`${SITE}/page.html`);
      // Another site's link stays as it was (one the visitor allows: the allowlist drops refused preloads).
      expect(response.headers.get("link")).toBe(`<${SITE}/style.css>; rel=preload; as=style, <https://fonts.gstatic.com/a.woff2>; rel=preload`);
      for (const [, value] of response.headers) expect(value).not.toContain(o.host);
      await response.text();
    });
  });

  it("tracker cookies on a WebSocket handshake are judged like any others", async () => {
    const { response } = await callWorker(`${SITE}/ws`, { headers: { upgrade: "websocket", connection: "Upgrade" }, bindings: { ORIGIN_URL: hostileOrigin() } });
    expect(response.status).toBe(101);
    expect(response.webSocket).not.toBeNull();
    expect(cookiesSet(response)).toEqual(["session"]);
    response.webSocket!.accept();
    response.webSocket!.close();
  });

  describe("cookies that survive a withdrawal", () => {
    it("_ga set by script on the registrable domain, as Google Analytics does, is expired there", async () => {
      const cookie = await consentCookie(westhub, ["functional"]);
      const response = await visit("https://www.westhub.app/pricing", { headers: { cookie: `${cookie}; _ga=GA1.1.1.1` } });
      const lines = response.headers.getSetCookie().filter((l) => l.startsWith("_ga="));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/Path=\/; Domain=westhub\.app/), expect.stringMatching(/Path=\/; Domain=www\.westhub\.app/), expect.not.stringMatching(/Domain/)]));
      expect(lines.join()).not.toMatch(/Domain=app\b/);
      await response.text();
    });

    it("a cookie on Path=/billing is expired there, on the next visit that sends it", async () => {
      const cookie = await consentCookie(westhub, ["functional"]);
      const response = await visit("https://westhub.app/billing/invoices", { headers: { cookie: `${cookie}; wh_aid=1` } });
      const lines = response.headers.getSetCookie().filter((l) => l.startsWith("wh_aid="));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/Path=\/billing(;|$)/), expect.stringMatching(/Path=\/billing\/invoices(;|$)/)]));
      await response.text();
    });

    it("a path the origin was seen to use is expired by the consent endpoint", async () => {
      const app = createApp({ registry, log: () => {} });
      const bindings = { ...env, ORIGIN_URL: hostileOrigin() };
      const seen = await app.fetch(new Request(`${SITE}/headers?c=${encodeURIComponent("_ga=GA1.1.5.5; Path=/reports")}`, { cf: CALIFORNIA } as RequestInit), bindings);
      expect(cookiesSet(seen)).toEqual(["_ga"]);
      await seen.text();
      const withdrawn = await app.fetch(new Request(`${SITE}${PATHS.consent}`, { method: "POST", cf: CALIFORNIA, headers: { ...SAME, ...fresh(), "content-type": "application/json" }, body: JSON.stringify({ action: "reject-all" }) } as RequestInit), bindings);
      expect(withdrawn.headers.getSetCookie()).toContain("_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/reports; Secure");
    });
  });

  it("a second Cookie header line cannot smuggle an unconsented cookie to the origin", async () => {
    // Two header lines reach the Worker joined by ", " (Fetch Headers), as this shows.
    const lines = new Headers([["cookie", "session=s1"], ["cookie", "_ga=GA1.1.1.1; theme=dark"]]);
    expect(lines.get("cookie")).toBe("session=s1, _ga=GA1.1.1.1; theme=dark");
    expect((await echoed(await visit(`${SITE}/echo`, { headers: { cookie: lines.get("cookie")! } }))).cookie).toBe("session=s1");
    const reporting = createApp({ registry: loadRegistry([{ file: "policies/westhub.json", data: { ...structuredClone(westhubInput), routes: [{ pattern: "/echo", mode: "report-only" }] } }], catalog), log: () => {} });
    const untouched = await reporting.fetch(new Request(`${SITE}/echo`, { cf: EU, headers: { cookie: lines.get("cookie")! } } as RequestInit), env);
    // Report-only forwards every cookie, as one RFC 6265 list.
    expect((await echoed(untouched)).cookie).toBe("session=s1; _ga=GA1.1.1.1; theme=dark");
  });
});
