import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainHost, resolveUrl } from "../../src/html/url-verdict.ts";
import { propertyRuns } from "../support/provided.ts";

const BASE = new URL("https://westhub.app/a/b");

describe("reading a URL's host without the URL parser", () => {
  it("should give the parser's host whenever it answers at all", () => {
    const label = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,8}$/);
    const piece = fc.constantFrom("", "/", "/p?q=1#f", ":8080/", ":", "?x", "#", "\t", "\n", " ", "%41", "&amp;", "\\", "@", ".", "/x?a=1&b=2", "?a&amp;b", "/%2F%40", "#&#47;&#47;e.com", "/\\e.com", "&#47;e.com", "%2Fe.com", "?x=\\y");
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

  it("should read a plain host whatever follows it in the path, query or fragment", () => {
    expect(plainHost("https://www.facebook.com/tr?id=1&amp;ev=PageView&amp;noscript=1")).toBe("www.facebook.com");
    expect(plainHost("//px.ads.example/p?a=%2F%2Fother.com&b=\\x")).toBe("px.ads.example");
  });

  it("should leave everything unusual to the parser", () => {
    for (const raw of ["https://a.b&#47;e.com/", "https://a.b%2Fe.com/", "https://a.b\\e.com/", "https://face%62ook.com/x", "https://a&period;b/", "https:\\\\a.b/", "https://u@a.b/", "https://a\nb.c/", "https://[::1]/", "https://bücher.de/", "/rel/path"]) expect(plainHost(raw), raw).toBeNull();
  });
});
