/**
 * `consentry/hono`: an existing Hono app enforces a policy in-process with
 * `app.use(consentry({ policy }))`, and enforces what the Worker enforces: the
 * same cookies kept, the same allowlist, the page rewritten, Consentry's own
 * endpoints answered, and refused cookies kept from the app's handlers.
 */
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { consentry } from "../../src/hono/middleware.ts";
import { DEMO_COOKIES } from "../../demo/origin.ts";
import { homePage } from "../../demo/pages.ts";
import { consentCookie, EU, visit } from "../support/visitor.ts";
import { westhub, westhubInput } from "../support/policies.ts";

/** An ordinary app: the demo's home page and cookies, and a page showing the cookies it received. */
function exampleApp(): Hono {
  const app = new Hono();
  app.use(consentry({ policy: westhubInput, log: () => {} }));
  app.get("/", (c) => {
    for (const line of DEMO_COOKIES) c.header("set-cookie", line, { append: true });
    return c.html(homePage());
  });
  app.get("/whoami", (c) => c.json({ cookie: c.req.header("cookie") ?? null }));
  return app;
}

const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`https://westhub.app${path}`, { headers, cf: EU } as RequestInit);

const names = (response: Response) => response.headers.getSetCookie().filter((l) => !/Max-Age=0/i.test(l)).map((l) => l.slice(0, l.indexOf("=")));

describe("consentry/hono", () => {
  it("should keep the cookies the Worker keeps, and send the Worker's allowlist", async () => {
    const app = exampleApp();
    const bindings = { ...env, COUNTRY_OVERRIDE: "DE" };
    const viaApp = await app.fetch(request("/"), bindings);
    const viaWorker = await visit("https://westhub.app/");
    expect(names(viaApp)).toEqual(["session", "__cf_bm"]);
    expect(names(viaApp)).toEqual(names(viaWorker));
    expect(viaApp.headers.get("content-security-policy")).toBe(viaWorker.headers.get("content-security-policy"));
    expect(viaApp.headers.get("consentry")).toBe("policy=westhub; mode=enforce");
    const page = await viaApp.text();
    // Rewritten as the Worker rewrites the same page: the tag manager dormant, the banner in.
    expect(page).toMatch(/<script(?=[^>]*type="text\/plain")(?=[^>]*data-src="https:\/\/www\.googletagmanager\.com)[^>]*>/);
    expect(page).toContain(`<section id="consentry" class="cy"`);
    expect(page).toBe(await viaWorker.text());
  });

  it("should keep refused cookies from the app's handlers, and pass the consented ones", async () => {
    const app = exampleApp();
    const bindings = { ...env, COUNTRY_OVERRIDE: "DE" };
    const refused = await (await app.fetch(request("/whoami", { cookie: "session=1; _ga=GA1.1.1.1; theme=dark" }), bindings)).json();
    expect(refused).toEqual({ cookie: "session=1" });
    const choice = await consentCookie(westhub, ["functional"]);
    const granted = await (await app.fetch(request("/whoami", { cookie: `session=1; _ga=GA1.1.1.1; theme=dark; ${choice}` }), bindings)).json();
    expect((granted as { cookie: string }).cookie).toContain("theme=dark");
    expect((granted as { cookie: string }).cookie).not.toContain("_ga=");
  });

  it("should answer Consentry's own endpoints", async () => {
    const app = exampleApp();
    const gpc = await app.fetch(request("/.well-known/gpc.json"), env);
    expect(await gpc.json()).toMatchObject({ gpc: true });
    const settings = await app.fetch(request("/_consentry/settings"), env);
    expect(settings.status).toBe(200);
    expect(await settings.text()).toContain("WestHub");
    const form = new URLSearchParams({ action: "reject-all", return: "/" });
    const consent = await app.fetch(
      new Request("https://westhub.app/_consentry/consent", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" } }),
      env,
    );
    expect(consent.status).toBe(303);
    expect(consent.headers.getSetCookie().some((l) => l.startsWith("__Host-consentry="))).toBe(true);
  });

  it("should refuse a bad policy when the app starts, not on a request", () => {
    expect(() => consentry({ policy: { ...westhubInput, revision: 0 } })).toThrow(/policies\/westhub\.json: revision: /);
  });
});
