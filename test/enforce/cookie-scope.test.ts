import { describe, expect, it } from "vitest";
import { domainMatches, parentDomains, pathAncestors } from "../../src/enforce/cookie-scope.ts";
import { createSeenScopes } from "../../src/enforce/seen-scopes.ts";

describe("cookie scopes", () => {
  describe("parentDomains", () => {
    it.each([
      ["westhub.app", ["westhub.app"]],
      ["www.westhub.app", ["www.westhub.app", "westhub.app"]],
      ["WWW.WestHub.App.", ["www.westhub.app", "westhub.app"]],
      ["www.shop.example.co.uk", ["www.shop.example.co.uk", "shop.example.co.uk", "example.co.uk"]],
      ["site.pages.dev", ["site.pages.dev"]],
      ["a.b.c.d.e.f.g.example.com", ["c.d.e.f.g.example.com", "d.e.f.g.example.com", "e.f.g.example.com", "f.g.example.com", "g.example.com", "example.com"]],
    ])("should give %s → %j, never a TLD or a known public suffix", (host, domains) => {
      expect(parentDomains(host)).toEqual(domains);
    });

    it.each(["localhost", "127.0.0.1", "[::1]", "com", ""])("should give nothing for %j (an IP address or a single label)", (host) => {
      expect(parentDomains(host)).toEqual([]);
    });
  });

  it.each([
    ["/", ["/"]],
    ["/billing", ["/", "/billing"]],
    ["/billing/invoices/", ["/", "/billing", "/billing/invoices"]],
    ["/a/b/c/d/e/f", ["/", "/a", "/a/b", "/a/b/c", "/a/b/c/d"]],
  ])("should list the ancestors of %s that a cookie sent there can have as its path", (path, paths) => {
    expect(pathAncestors(path)).toEqual(paths);
  });

  it("should domain-match as RFC 6265 §5.1.3 says", () => {
    expect(domainMatches("www.westhub.app", ".westhub.app")).toBe(true);
    expect(domainMatches("westhub.app", "westhub.app")).toBe(true);
    expect(domainMatches("evilwesthub.app", "westhub.app")).toBe(false);
    expect(domainMatches("westhub.app", "www.westhub.app")).toBe(false);
    expect(domainMatches("westhub.app", ".")).toBe(false);
  });

  describe("seen Set-Cookie scopes", () => {
    it("should remember the domains and paths the origin gives a cookie", () => {
      const seen = createSeenScopes();
      seen.remember(["_ga=1; Path=/reports; Domain=.WestHub.app", "_ga=2; Path=/billing", "theme=dark; Path=/", "broken"]);
      expect(seen.scopesOf("_ga")).toEqual({ domains: ["westhub.app"], paths: ["/reports", "/billing"] });
      expect(seen.scopesOf("theme")).toEqual({ domains: [], paths: [] });
    });

    it("should stay bounded, whatever the origin sends", () => {
      const seen = createSeenScopes({ names: 3, perName: 2 });
      seen.remember(["a=1; Path=/1", "a=1; Path=/2", "a=1; Path=/3"]);
      expect(seen.scopesOf("a").paths).toEqual(["/1", "/2"]);
      seen.remember(["b=1; Path=/b", "c=1; Path=/c", "d=1; Path=/d"]);
      expect(seen.scopesOf("a").paths).toEqual([]);
      expect(seen.scopesOf("d").paths).toEqual(["/d"]);
    });
  });
});
