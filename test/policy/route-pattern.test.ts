/**
 * A route pattern answers exactly as its URLPattern does: the leading-literal check
 * in front of it (src/policy/route-pattern.ts) only ever skips patterns that cannot match.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRoutePattern, routePrefix } from "../../src/policy/route-pattern.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();

/** Path pieces that exercise the prefix: case, dot segments, escapes, pattern syntax. */
const patternPiece = fc.constantFrom("/", "billing", "Billing", "docs", "api", ".", "..", "%62", "%2e", "{/*}?", "*", ":id", "(\\d+)", "-", "_", "~", "x.html", "ä", " ");
const pathPiece = fc.constantFrom("/", "billing", "Billing", "docs", "api", ".", "..", "%62", "%2e", "x", "42", "-", "_", "~", "x.html", "ä", " ", "?q=1", "#f", "\\");

describe("route patterns", () => {
  it("should take the leading literal of a path pattern, and none where a dot segment or escape could change it", () => {
    expect(routePrefix("/billing{/*}?")).toBe("/billing");
    expect(routePrefix("/docs/api/*")).toBe("/docs/api/");
    expect(routePrefix("/a/../b/*")).toBe("");
    expect(routePrefix("/%62illing")).toBe("");
    expect(routePrefix("https://app.example.com/*")).toBe("");
  });

  it("should answer /billing{/*}? as URLPattern does on its edges", () => {
    const route = compileRoutePattern("/billing{/*}?");
    for (const [path, match] of [["/billing", true], ["/billing/invoices/2", true], ["/billingx", false], ["/Billing", false], ["/x/../billing", true], ["/%62illing", false]] as const) {
      expect(route.test(new URL(path, "https://westhub.app")), path).toBe(match);
    }
  });

  it(`should match exactly the URLs its URLPattern matches (${RUNS} runs)`, { timeout: budget(RUNS, 2) }, () => {
    fc.assert(
      fc.property(fc.array(patternPiece, { minLength: 1, maxLength: 5 }), fc.array(pathPiece, { maxLength: 6 }), (pieces, parts) => {
        const pattern = "/" + pieces.join("");
        let reference: URLPattern;
        try {
          reference = new URLPattern({ pathname: pattern });
        } catch {
          return; // not a pattern: the policy check refuses it
        }
        const url = new URL("https://westhub.app/" + parts.join(""));
        expect(compileRoutePattern(pattern).test(url)).toBe(reference.test(url));
      }),
      { numRuns: RUNS },
    );
  });
});
