/**
 * Properties of the cookie plan over generated Set-Cookie lines and Cookie
 * headers, for every decision a visitor can get: nothing throws, nothing is
 * invented, and every expiry line is one a browser accepts for this host.
 */
import { parseSetCookie } from "cookie";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "../../src/decision/decide.ts";
import { domainMatches } from "../../src/enforce/cookie-scope.ts";
import { expiryLines, planRequestCookies, planSetCookies, setCookieName } from "../../src/enforce/cookie-plan.ts";
import { splitCookieHeader } from "../../src/http/cookie-header.ts";
import { cookieHeader, cookieName, setCookieLine } from "../support/arbitraries.ts";
import { westhub, whereby } from "../support/policies.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();

const context = (policy: typeof westhub, granted: string[] | null, country: string, gpc: boolean) => {
  const route = policy.route(new URL("https://x.example/"));
  const consent = granted === null ? { status: "absent" as const, choice: null } : { status: "valid" as const, choice: { granted, refused: [], vendors: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } };
  return { policy, route, decision: decide({ policy, route, consent, gpc, dnt: false, jurisdiction: { country, region: country === "US" ? "CA" : null, source: "cf" } }) };
};

const host = fc.constantFrom("westhub.app", "www.westhub.app", "a.b.shop.example.co.uk", "localhost", "127.0.0.1", "xn--bcher-kva.example");
const path = fc.constantFrom("/", "/billing", "/billing/invoices/2024", "/a/b/c/d/e/f", "/%2e%2e/x", "/é");

describe.each([westhub, whereby])("the cookie plan under $id", (policy) => {
  const decisionInput = fc.record({ granted: fc.option(fc.subarray([...policy.optionalCategories]), { nil: null }), country: fc.constantFrom("DE", "US", "XX"), gpc: fc.boolean() });

  it(`should keep only the origin's own lines, unchanged and in order (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, () => {
    fc.assert(
      fc.property(decisionInput, fc.array(fc.oneof(setCookieLine(policy), fc.string()), { maxLength: 10 }), (d, lines) => {
        const plan = planSetCookies(lines, context(policy, d.granted, d.country, d.gpc));
        // A subsequence of the input: nothing rewritten, nothing invented.
        let at = 0;
        for (const line of plan.kept) {
          at = lines.indexOf(line, at) + 1;
          expect(at).toBeGreaterThan(0);
        }
        expect(plan.kept.length + plan.actions.length).toBe(lines.length);
      }),
      { numRuns: RUNS },
    );
  });

  it(`should forward request cookies byte for byte, and expire only what it strips (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, () => {
    fc.assert(
      fc.property(decisionInput, fc.oneof(cookieHeader(policy), fc.string()), host, path, (d, header, h, p) => {
        const plan = planRequestCookies(header, context(policy, d.granted, d.country, d.gpc), { host: h, path: p, secure: true });
        const sent = splitCookieHeader(header).map((c) => c.raw);
        for (const pair of plan.cookie === null ? [] : plan.cookie.split("; ")) expect(sent).toContain(pair);
        const stripped = new Set(plan.actions.filter((a) => a.action === "strip-request-cookie").map((a) => a.cookie));
        for (const expiry of plan.expiries) expect(stripped.has(expiry.name)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`should write expiry lines a browser accepts for the request's host (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, () => {
    fc.assert(
      fc.property(cookieName(policy), host, path, fc.boolean(), fc.boolean(), (name, h, p, secure, sent) => {
        const lines = expiryLines(name, context(policy, null, "DE", false), { host: h, path: p, secure, sent });
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.length).toBeLessThanOrEqual(7 * 9);
        expect(new Set(lines).size).toBe(lines.length);
        for (const line of lines) {
          const parsed = parseSetCookie(line);
          expect(setCookieName(line)).toBe(name);
          expect(parsed.maxAge).toBe(0);
          expect(parsed.path?.startsWith("/")).toBe(true);
          if (parsed.domain !== undefined) expect(domainMatches(h, parsed.domain)).toBe(true);
          if (parsed.domain !== undefined) expect(parsed.domain.includes(".")).toBe(true);
          // RFC 6265bis §4.1.3: __Host- needs Secure, Path=/ and no Domain; __Secure- needs Secure.
          if (name.startsWith("__Host-")) expect([parsed.secure, parsed.path, parsed.domain]).toEqual([true, "/", undefined]);
          if (name.startsWith("__Secure-")) expect(parsed.secure).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
