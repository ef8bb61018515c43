/**
 * The allowlist on the wire: which responses carry Consentry's CSP, how it sits
 * beside the site's own, and the headers that would reach out before the page
 * (`Link`, `Refresh`). Through the app as the Worker builds it, with an
 * in-process origin passed in.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import { loadRegistry } from "../../src/policy/load.ts";
import { catalog, registry, westhubInput, wherebyInput } from "../support/policies.ts";
import { consentCookie, EU } from "../support/visitor.ts";
import { westhub } from "../support/policies.ts";

const PAGE = `<!doctype html><html><head><title>t</title></head><body><p>hi</p></body></html>`;

function appWith(origin: (request: Request) => Response, reg = registry) {
  return createApp({ registry: reg, fetchOrigin: async (request) => origin(request), transformHtml: createPageRewriter(), log: () => {} });
}

async function get(app: ReturnType<typeof appWith>, path: string, headers: Record<string, string> = {}) {
  return app.fetch(new Request(`https://westhub.app${path}`, { headers, cf: EU, redirect: "manual" } as RequestInit), env);
}

const csp = (response: Response) => response.headers.get("content-security-policy");

describe("the allowlist on responses", () => {
  it.each([
    ["text/html; charset=utf-8", true],
    ["text/plain, text/html", true],
    ["text/html,foo", true],
    [null, true],
    ["image/svg+xml", true],
    ["application/xml", true],
    ["application/json", false],
    ["image/png", false],
    ["text/css", false],
  ])("Content-Type %j: CSP %s", async (type, expected) => {
    // A byte body: a string body would get a text/plain type of its own.
    const app = appWith(() => new Response(new TextEncoder().encode(PAGE), { headers: type === null ? {} : { "content-type": type } }));
    const response = await get(app, "/x");
    expect(response.headers.get("content-type")).toBe(type);
    expect(csp(response) !== null).toBe(expected);
    if (expected) {
      expect(csp(response)).toMatch(/^default-src 'self' /);
      expect(response.headers.get("reporting-endpoints")).toBe(`consentry="https://westhub.app/_consentry/csp-report"`);
      expect(response.headers.get("cache-control")).toMatch(/^private/);
    }
  });

  it("should give a worker's script its CSP, and keep classic scripts apart in the browser cache", async () => {
    const app = appWith(() => new Response("self.onmessage=()=>{}", { headers: { "content-type": "text/javascript", "cache-control": "public, max-age=600" } }));
    const worker = await get(app, "/w.js", { "sec-fetch-dest": "worker" });
    expect(csp(worker)).toMatch(/^default-src/);
    const script = await get(app, "/w.js", { "sec-fetch-dest": "script" });
    expect(csp(script)).toBeNull();
    expect(script.headers.get("vary")).toBe("Sec-Fetch-Dest");
    expect(script.headers.get("cache-control")).toBe("public, max-age=600");
  });

  it("should sit beside the site's own CSP, never replacing or loosening it", async () => {
    const own = "script-src 'nonce-abc' 'strict-dynamic'; object-src 'none'";
    const app = appWith(() => new Response(PAGE, { headers: { "content-type": "text/html", "content-security-policy": own } }));
    const policies = (await get(app, "/x")).headers.get("content-security-policy")!;
    expect(policies.startsWith(`${own}, default-src 'self' `)).toBe(true);
  });

  it("should widen with consent, and never list what the visitor refused", async () => {
    const app = appWith(() => new Response(PAGE, { headers: { "content-type": "text/html" } }));
    const before = csp(await get(app, "/x"))!;
    expect(before).not.toContain("hotjar.com");
    const after = csp(await get(app, "/x", { cookie: await consentCookie(westhub, ["analytics"]) }))!;
    expect(after).toContain(" hotjar.com *.hotjar.com ");
    expect(after).not.toContain("facebook");
  });

  it("should send it report-only on a report-only route, and as the policy's rollout says", async () => {
    const data = structuredClone(westhubInput);
    data.routes!.unshift({ pattern: "/beta{/*}?", mode: "report-only" });
    const reg = loadRegistry([{ file: "policies/westhub.json", data }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
    const app = appWith(() => new Response(PAGE, { headers: { "content-type": "text/html" } }), reg);
    const beta = await get(app, "/beta/x");
    expect(csp(beta)).toBeNull();
    expect(beta.headers.get("content-security-policy-report-only")).toMatch(/^default-src/);

    const rollout = structuredClone(westhubInput);
    rollout.thirdParties = { csp: "report-only" };
    const reg2 = loadRegistry([{ file: "policies/westhub.json", data: rollout }, { file: "policies/whereby.json", data: wherebyInput }], catalog);
    const page = await get(appWith(() => new Response(PAGE, { headers: { "content-type": "text/html" } }), reg2), "/x");
    expect(csp(page)).toBeNull();
    expect(page.headers.get("content-security-policy-report-only")).toMatch(/^default-src/);
    // The rewriting still enforces.
    expect(await page.text()).toContain("data-consentry-guard");
  });

  it("should strip Link preloads, prefetches and preconnects to refused hosts, and keep the rest", async () => {
    const link = [
      `<https://www.googletagmanager.com/gtm.js?id=GTM-1>; rel=preload; as=script`,
      `</app.css>; rel=preload; as=style`,
      `<https://fonts.gstatic.com>; rel=preconnect`,
      `<https://connect.facebook.net>; rel="dns-prefetch"`,
      `<https://static.hotjar.com/next>; rel=next`,
      `<https://westhub.app/page/2>; rel=canonical`,
    ].join(", ");
    const app = appWith(() => new Response(PAGE, { headers: { "content-type": "text/html", link } }));
    expect((await get(app, "/x")).headers.get("link")).toBe(`</app.css>; rel=preload; as=style, <https://fonts.gstatic.com>; rel=preconnect, <https://westhub.app/page/2>; rel=canonical`);
  });

  it("should drop a Refresh header that navigates to a refused host", async () => {
    const to = (refresh: string) => appWith(() => new Response(PAGE, { headers: { "content-type": "text/html", refresh } }));
    expect((await get(to("0; url=https://www.facebook.com/tr"), "/x")).headers.get("refresh")).toBeNull();
    expect((await get(to("5; url=/next"), "/x")).headers.get("refresh")).toBe("5; url=/next");
  });

  it("should pass a body in an encoding the runtime cannot decode untouched, with the CSP", async () => {
    const bytes = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x3c, 0x62, 0x6f, 0x64, 0x79, 0x3e]); // zstd magic, then "<body>"
    for (const encoding of ["zstd", "GZIP", "gzip, gzip", "deflate"]) {
      const app = appWith(() => new Response(bytes, { headers: { "content-type": "text/html", "content-encoding": encoding } }));
      const response = await get(app, "/x");
      expect(csp(response), encoding).toMatch(/^default-src/);
      expect(response.headers.get("content-encoding"), encoding).toBe(encoding);
      expect(new Uint8Array(await response.arrayBuffer()), encoding).toEqual(bytes);
    }
  });
});
