import { describe, expect, it } from "vitest";
import { markPersonalised } from "../../src/proxy/cache-headers.ts";
import { rewriteLocation } from "../../src/proxy/origin-address.ts";
import { originRequest, originTarget, restrictAcceptEncoding } from "../../src/proxy/origin.ts";

describe("origin", () => {
  it("should keep path and query and honour an ORIGIN_URL path prefix", () => {
    expect(originTarget(new URL("https://site.test/a/b?x=1"), new URL("http://127.0.0.1:8788")).href).toBe("http://127.0.0.1:8788/a/b?x=1");
    expect(originTarget(new URL("https://site.test/a?x=1"), new URL("http://o.test/base/")).href).toBe("http://o.test/base/a?x=1");
    const own = new URL("https://site.test/a");
    expect(originTarget(own, null)).toBe(own);
  });

  it.each([
    ["gzip, deflate, br, zstd", "gzip, br"],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", "br;q=1.0, gzip;q=0.8"],
    ["gzip;q=0, br", "br"],
    ["zstd", null],
    [null, null],
  ])("should restrict Accept-Encoding %j to %j", (input, output) => {
    expect(restrictAcceptEncoding(input)).toBe(output);
  });

  it("should never follow redirects and keep Sec-GPC", () => {
    const request = originRequest(new Request("https://site.test/", { headers: { "sec-gpc": "1", cookie: "a=1" } }), new URL("http://o.test/"), null);
    expect(request.redirect).toBe("manual");
    expect(request.headers.get("sec-gpc")).toBe("1");
    expect(request.headers.has("cookie")).toBe(false);
  });

  describe("rewriteLocation", () => {
    const origin = new URL("http://127.0.0.1:8788");
    const site = new URL("https://westhub.app/x");
    it("should rewrite only locations at ORIGIN_URL", () => {
      expect(rewriteLocation("http://127.0.0.1:8788/a?b=1#c", origin, site)).toBe("https://westhub.app/a?b=1#c");
      expect(rewriteLocation("/a", origin, site)).toBe("/a");
      expect(rewriteLocation("http://127.0.0.1:9999/a", origin, site)).toBe("http://127.0.0.1:9999/a");
      expect(rewriteLocation("http://127.0.0.1:8788/a", null, site)).toBe("http://127.0.0.1:8788/a");
    });
  });

  describe("markPersonalised", () => {
    it("should drop public and s-maxage, add private, and merge Vary", () => {
      const headers = new Headers({ "cache-control": "public, s-maxage=600, max-age=60", vary: "Accept-Encoding, cookie" });
      markPersonalised(headers);
      expect(headers.get("cache-control")).toBe("private, max-age=60");
      expect(headers.get("vary")).toBe("Accept-Encoding, cookie, Sec-GPC");
    });

    it("should keep Vary: * as it is", () => {
      const headers = new Headers({ vary: "*" });
      markPersonalised(headers);
      expect(headers.get("vary")).toBe("*");
      expect(headers.get("cache-control")).toBe("private");
    });
  });
});
