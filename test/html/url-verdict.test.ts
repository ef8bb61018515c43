import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainHost, resolveUrl } from "../../src/html/url-verdict.ts";
import { propertyRuns } from "../support/provided.ts";

const BASE = new URL("https://westhub.app/a/b");

describe("reading a URL's host without the URL parser", () => {
  it("should give the parser's host whenever it answers at all", () => {
    const label = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,8}$/);
    const piece = fc.constantFrom("", "/", "/p?q=1#f", ":8080/", ":", "?x", "#", "\t", "\n", " ", "%41", "&amp;", "\\", "@", ".");
    const url = fc.tuple(fc.constantFrom("https://", "http://", "//", " //", "HTTPS://", "https:", "ftp://", "/\\", "\t//"), fc.array(label, { minLength: 1, maxLength: 4 }), piece, piece);
    fc.assert(
      fc.property(url, ([scheme, labels, a, b]) => {
        const raw = `${scheme}${labels.join(".")}${a}${b}`;
        const host = plainHost(raw);
        if (host === null) return;
        const parsed = resolveUrl(raw, BASE);
        expect(parsed === null || parsed === "invalid" ? null : parsed.hostname.replace(/\.$/, ""), raw).toBe(host);
      }),
      { numRuns: propertyRuns() * 5 },
    );
  });

  it("should leave everything unusual to the parser", () => {
    for (const raw of ["https://face%62ook.com/x", "https://a&period;b/", "https:\\\\a.b/", "https://u@a.b/", "https://a\nb.c/", "https://[::1]/", "https://bücher.de/", "/rel/path"]) expect(plainHost(raw), raw).toBeNull();
  });
});
