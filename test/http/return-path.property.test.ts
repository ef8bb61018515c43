/**
 * Whatever string arrives as a return path, what comes back is the fallback or
 * a path that keeps the browser on this site, from any page of it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../src/http/return-path.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();
/** The pieces open redirects are made of. */
const piece = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "\n", "\r", " ", "evil.com", "@", ":", "//", "?", "#", "x", "é", "%", "%00", "javascript:", "http:", "https://");
const path = fc.oneof(fc.array(piece, { maxLength: 10 }).map((p) => p.join("")), fc.string(), fc.string({ unit: "binary", maxLength: 30 }));

describe("safeReturnPath, over generated input", () => {
  it(`should only ever return the fallback or a same-site path (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, () => {
    fc.assert(
      fc.property(path, fc.constantFrom("https://site.example/", "https://site.example/a/b/c", "http://site.example:8080/x?y"), (value, page) => {
        const out = safeReturnPath(value, "/fallback");
        const base = new URL(page);
        expect(new URL(out, base).origin).toBe(base.origin);
        expect(out).toMatch(/^\/(?![/\\])/);
        expect(out).not.toMatch(/[\r\n\t]/);
        expect(safeReturnPath(out, "/fallback")).toBe(out);
      }),
      { numRuns: RUNS },
    );
  });
});
