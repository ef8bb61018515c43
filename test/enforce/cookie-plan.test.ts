import { describe, expect, it } from "vitest";
import { decide } from "../../src/decision/decide.ts";
import { expiryLines, planRequestCookies, planSetCookies, setCookieName } from "../../src/enforce/cookie-plan.ts";
import { variant, westhub, westhubInput } from "../support/policies.ts";

const policy = variant(westhubInput, (p) => {
  p.cookies!.push({ name: "wh_tracking", category: "analytics", domains: [".westhub.app"], paths: ["/", "/app"] });
});
const route = policy.route(new URL("https://westhub.app/"));
const where = { host: "westhub.app", path: "/", secure: true };
const context = {
  policy,
  route,
  decision: decide({ policy, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } }),
};

describe("cookie plan", () => {
  it("should judge each Set-Cookie line on its own, never splitting on the comma in Expires", () => {
    const lines = ["_ga=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", "session=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"];
    const plan = planSetCookies(lines, context);
    expect(plan.kept).toEqual([lines[1]]);
    expect(plan.actions).toEqual([{ action: "strip-set-cookie", cookie: "_ga", category: "analytics", reason: "no-choice", vendor: "google-analytics" }]);
  });

  it("should read a Set-Cookie name as RFC 6265 §5.2 says", () => {
    expect(setCookieName(" a b =c; Path=/")).toBe("a b");
    expect(setCookieName("novalue")).toBe("");
  });

  it("should keep request cookies byte for byte, drop Consentry's own and unknown ones", () => {
    const plan = planRequestCookies("session=a%20b=c; __Host-consentry=xyz; consentry=old; mystery=1; theme=dark", context, where);
    expect(plan.cookie).toBe("session=a%20b=c");
    expect(plan.actions.map((a) => `${a.action}:${a.cookie}:${a.reason}`)).toEqual([
      "strip-request-cookie:mystery:unknown",
      "strip-request-cookie:theme:no-choice",
      "expire-cookie:theme:no-choice",
    ]);
  });

  it("should expire a declared cookie on every declared domain and path (the leading dot means nothing, RFC 6265 §5.2.3)", () => {
    expect(expiryLines("wh_tracking", context, where)).toEqual([
      "wh_tracking=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure",
      "wh_tracking=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; Secure",
      "wh_tracking=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=westhub.app; Secure",
      "wh_tracking=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; Domain=westhub.app; Secure",
    ]);
  });

  it("should expire __Host- cookies without Domain and with Secure, as browsers require", () => {
    expect(expiryLines("__Host-theme", { ...context, policy: westhub }, { ...where, secure: false })).toEqual(["__Host-theme=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure"]);
  });

  it("should return null when no cookie is left for the origin", () => {
    expect(planRequestCookies("_fbp=1", context, where).cookie).toBeNull();
    expect(planRequestCookies(null, context, where)).toEqual({ cookie: null, expiries: [], actions: [] });
  });
});
