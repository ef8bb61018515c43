/**
 * `return` targets: whatever a form or a link carries, only a path on this site
 * comes back, judged after the normalisation the browser itself will apply.
 */
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../src/http/return-path.ts";

/** Where a browser on https://site.example/some/page goes with `Location: <path>`. */
const landsOn = (path: string) => new URL(path, "https://site.example/some/page").host;

describe("safeReturnPath", () => {
  describe("should refuse every form that normalises to another host", () => {
    it.each([
      // The forms reproduced against the consent and erase endpoints and the settings page.
      "/.//evil.com",
      "/..//evil.com",
      "/%2e//evil.com",
      "/./\\evil.com",
      "/a/..//evil.com",
      "/.//evil.example/phish",
      // More of the same family.
      "/%2e%2e//evil.com",
      "/%2E/%2E%2E//evil.com",
      "/.\\/evil.com",
      "/\\evil.com",
      "/\\\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "/\r\n/evil.com",
      "/.//",
      "//evil.com",
      "///evil.com",
      "\\\\evil.com",
      "https://evil.com/",
      "http:evil.com",
      "javascript:alert(1)",
      "evil.com",
      " /x",
      "",
    ])("%j", (value) => {
      expect(safeReturnPath(value)).toBe("/");
    });
  });

  it.each([
    ["/pricing?x=1#top", "/pricing?x=1#top"],
    ["/a/./b/../c", "/a/c"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"],
    ["/x?next=//evil.com", "/x?next=//evil.com"],
    ["/é?q=ü", "/%C3%A9?q=%C3%BC"],
    ["/a\nb", "/ab"],
  ])("should keep the same-site path %j as %j", (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
    expect(landsOn(path)).toBe("site.example");
  });

  it("should use the fallback when there is nothing safe to return to", () => {
    expect(safeReturnPath(undefined, "/_consentry/settings")).toBe("/_consentry/settings");
    expect(safeReturnPath(null, "/_consentry/settings")).toBe("/_consentry/settings");
    expect(safeReturnPath("/.//evil.com", "/_consentry/settings")).toBe("/_consentry/settings");
  });

  it("should never return a CR or LF, so nothing can be injected into a Location header", () => {
    expect(safeReturnPath("/a\r\nSet-Cookie: x=1")).toBe("/aSet-Cookie:%20x=1");
  });
});
