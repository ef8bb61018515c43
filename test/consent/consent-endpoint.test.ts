import { describe, expect, it } from "vitest";
import { PATHS } from "../../src/paths.ts";
import { westhub, whereby } from "../support/policies.ts";
import { consentCookie, cookiesExpired, cookiesSet, visit } from "../support/visitor.ts";

const SAME = { origin: "https://westhub.app", "sec-fetch-site": "same-origin" };
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const post = (body: string, headers: Record<string, string> = {}) =>
  visit(`https://westhub.app${PATHS.consent}`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...SAME, ...headers } });

describe("consent endpoint", () => {
  describe("refuses requests that are not from the site's own pages", () => {
    it.each([
      [{ "sec-fetch-site": "cross-site" }],
      [{ "sec-fetch-site": "same-site" }],
      [{ "sec-fetch-site": "", origin: "https://evil.example" }],
    ])("%j", async (headers) => {
      const response = await visit(`https://westhub.app${PATHS.consent}`, {
        method: "POST",
        body: form([["action", "accept-all"]]),
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      });
      expect(response.status).toBe(403);
      expect(cookiesSet(response)).toEqual([]);
    });

    it("should refuse a request with neither Sec-Fetch-Site nor Origin", async () => {
      const response = await visit(`https://westhub.app${PATHS.consent}`, { method: "POST", body: form([["action", "accept-all"]]), headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(response.status).toBe(403);
    });

    it("should accept Origin alone when the browser sends no Fetch Metadata", async () => {
      const response = await visit(`https://westhub.app${PATHS.consent}`, {
        method: "POST",
        body: form([["action", "reject-all"]]),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://westhub.app" },
      });
      expect(response.status).toBe(303);
    });
  });

  describe("a form post (no JavaScript)", () => {
    it("should set a signed, HttpOnly, Secure, Lax cookie for the policy's lifetime and go back with 303", async () => {
      const response = await post(form([["action", "accept-all"], ["return", "/pricing?x=1"]]));
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/pricing?x=1");
      const line = response.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!;
      expect(line).toMatch(/^__Host-consentry=2\.1\.functional~analytics\.\.\.[0-9a-z]+\.[\w-]{22}\.-\.[\w-]{22}; Max-Age=15724800; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    });

    it("should give a choice that the proxy then honours", async () => {
      const response = await post(form([["action", "custom"], ["category", "analytics"]]));
      const cookie = response.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!.split(";")[0]!;
      const page = await visit("https://westhub.app/", { headers: { cookie } });
      expect(cookiesSet(page)).toEqual(["session", "__cf_bm", "wh_aid", "_ga"]);
      await page.text();
    });

    it("should never send the visitor off-site", async () => {
      for (const target of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
        const response = await post(form([["action", "reject-all"], ["return", target]]));
        expect(response.headers.get("location")).toBe("/");
      }
    });
  });

  describe("withdrawal", () => {
    it("should expire the known cookies of every category the new choice denies", async () => {
      const before = await consentCookie(westhub, ["functional", "analytics"]);
      const response = await post(form([["action", "custom"], ["category", "functional"]]), { cookie: `${before}; _ga=1; wh_aid=2; theme=dark; session=s` });
      const expired = cookiesExpired(response);
      expect(expired).toEqual(expect.arrayContaining(["_ga", "_gid", "wh_aid", "_fbp"]));
      expect(expired).not.toContain("theme");
      expect(expired).not.toContain("session");
    });

    it("should expire everything optional on reject-all", async () => {
      const response = await post(form([["action", "reject-all"]]), { cookie: "theme=dark; wh_aid=1" });
      expect(cookiesExpired(response)).toEqual(expect.arrayContaining(["theme", "wh_aid", "_ga"]));
    });
  });

  describe("JSON (the banner with JavaScript)", () => {
    it("should answer with the receipt and what is now allowed", async () => {
      const response = await post(JSON.stringify({ action: "custom", categories: ["functional"] }), { "content-type": "application/json" });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ receipt: expect.stringMatching(/^[\w-]{22}$/), granted: ["functional"], refused: ["analytics"], vendors: [], allowed: ["necessary", "security", "functional"], cookies: expect.objectContaining({ m: "allow" }),
        // The new allowlist: functional vendors such as Intercom now load, analytics ones such as Hotjar still do not.
        hosts: expect.stringMatching(/^(?=.*(?:^| )intercom\.io(?: |$))(?!.*hotjar)(?=.*westhub\.app)/),
        consentMode: { ad_storage: "denied", ad_user_data: "denied", ad_personalization: "denied", analytics_storage: "denied", functionality_storage: "granted", personalization_storage: "granted", security_storage: "granted" },
      });
      expect(response.headers.get("cache-control")).toBe("no-store");
    });
  });

  describe("per-vendor consent (a placeholder's button)", () => {
    it("should grant that vendor only, keeping what was already allowed, and tell the guard the wider allowlist", async () => {
      const before = await consentCookie(whereby, ["analysis"]);
      const response = await visit("https://whereby.com/_consentry/consent", {
        method: "POST",
        headers: { origin: "https://whereby.com", "sec-fetch-site": "same-origin", "content-type": "application/json", cookie: before },
        body: JSON.stringify({ action: "custom", categories: ["analysis"], vendors: ["youtube"] }),
      });
      const body = (await response.json()) as { vendors: string[]; allowed: string[]; hosts: string };
      expect(body.vendors).toEqual(["youtube"]);
      expect(body.allowed).not.toContain("advertising");
      expect(body.hosts.split(" ")).toEqual(expect.arrayContaining(["youtube.com", "ytimg.com", "google-analytics.com"]));
      expect(body.hosts.split(" ")).not.toContain("connect.facebook.net");
      const cookie = response.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!;
      expect(cookie.split(";")[0]!.split(".")[4]).toBe("youtube");
    });

    it("should refuse more vendor grants than a cookie can carry, with a clear error", async () => {
      const many = Array.from({ length: 21 }, (_, i) => ["vendor", `vendor-${i}`] as [string, string]);
      const response = await post(form([["action", "custom"], ...many]));
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/vendors/);
    });

    it("should take the vendor from a plain form too, and drop every vendor grant on reject-all", async () => {
      const grant = await post(form([["action", "custom"], ["vendor", "hotjar"], ["return", "/"]]));
      expect(grant.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!.split(".")[4]).toBe("hotjar");
      const reject = await post(form([["action", "reject-all"], ["vendor", "hotjar"]]));
      expect(reject.headers.getSetCookie().find((l) => l.startsWith("__Host-consentry="))!.split(".")[4]).toBe("");
    });
  });

  describe("bad input gets a clear error and changes nothing", () => {
    it.each([
      ["an unknown action", JSON.stringify({ action: "accept-some" }), /action/],
      ["a category that is not optional", JSON.stringify({ action: "custom", categories: ["necessary"] }), /not optional categories of this policy: necessary/],
      ["an unknown key", JSON.stringify({ action: "custom", catagories: [] }), /catagories/],
      ["broken JSON", "{", /not a form or JSON/],
      ["a vendor nobody knows", JSON.stringify({ action: "custom", vendors: ["no-such-vendor"] }), /unknown vendors: no-such-vendor/],
    ])("%s", async (_, body, message) => {
      const response = await post(body, { "content-type": "application/json" });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      expect(cookiesSet(response)).toEqual([]);
    });
  });
});
