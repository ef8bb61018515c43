import { describe, expect, it } from "vitest";
import { hideOriginAddress, rewriteLocation } from "../../src/proxy/origin-address.ts";

const origin = new URL("http://10.0.0.5:8080");
const site = new URL("https://westhub.app/page");

describe("the origin's address", () => {
  it.each([
    "http://10.0.0.5:8080/x",
    "//10.0.0.5:8080/x",
    "/\\10.0.0.5:8080/x",
    "\\\\10.0.0.5:8080/x",
    "/\t/10.0.0.5:8080/x",
    " http://10.0.0.5:8080/x",
    "https://10.0.0.5:8080/x",
    "http://0x0a.0.0.5:8080/x",
  ])("should find it in %j and point the browser at the public site instead", (location) => {
    expect(rewriteLocation(location, origin, site)).toBe("https://westhub.app/x");
  });

  it.each(["/x", "x", "?q=1", "https://example.org/x", "http://10.0.0.5:9999/x", "mailto:a@b"])("should leave %j alone", (location) => {
    expect(rewriteLocation(location, origin, site)).toBe(location);
  });

  it("should drop ORIGIN_URL's path prefix, and send a path outside it to the site's root", () => {
    const prefixed = new URL("http://10.0.0.5:8080/app");
    expect(rewriteLocation("http://10.0.0.5:8080/app/x?y=1#z", prefixed, site)).toBe("https://westhub.app/x?y=1#z");
    expect(rewriteLocation("http://10.0.0.5:8080/admin", prefixed, site)).toBe("https://westhub.app/");
  });

  it("should rewrite Refresh, Content-Location and Link, and keep a 101's socket", () => {
    const response = new Response(null, {
      status: 200,
      headers: {
        refresh: "0;URL='http://10.0.0.5:8080/next'",
        "content-location": "http://10.0.0.5:8080/a.html",
        link: "<http://10.0.0.5:8080/s.css>; rel=preload, </rel.css>; rel=preload",
      },
    });
    const out = hideOriginAddress(response, origin, site);
    expect(out.headers.get("refresh")).toBe("0;URL='https://westhub.app/next'");
    expect(out.headers.get("content-location")).toBe("https://westhub.app/a.html");
    expect(out.headers.get("link")).toBe("<https://westhub.app/s.css>; rel=preload, </rel.css>; rel=preload");
    const untouched = new Response("x", { headers: { refresh: "5" } });
    expect(hideOriginAddress(untouched, origin, site)).toBe(untouched);
  });
});
