import { describe, expect, it } from "vitest";
import { admitConsentry, admitConsentryAll, type InlineSources } from "../../src/allowlist/site-csp.ts";

const INLINE: InlineSources = { scripts: ["'sha256-HEAD'", "'sha256-BANNER'"], styles: ["'sha256-CSS'"], scriptNonce: null, styleNonce: null };

describe("a site's own CSP admits Consentry's inline code, and nothing more", () => {
  it("should add the hashes to a hash-only or allowlist policy, in the directive that governs inline elements", () => {
    expect(admitConsentry("default-src 'self'; script-src 'self' 'sha256-OWN'; style-src 'self'", INLINE)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-OWN' 'sha256-HEAD' 'sha256-BANNER'; style-src 'self' 'sha256-CSS'",
    );
    expect(admitConsentry("script-src-elem https://cdn.example; script-src 'self'", INLINE)).toBe("script-src-elem https://cdn.example 'sha256-HEAD' 'sha256-BANNER'; script-src 'self'");
    expect(admitConsentry("default-src 'self'", INLINE)).toBe("default-src 'self' 'sha256-HEAD' 'sha256-BANNER' 'sha256-CSS'");
  });

  it("should leave a policy alone where Consentry's code already runs", () => {
    for (const policy of ["script-src 'unsafe-inline'; style-src 'unsafe-inline'", "img-src 'self'", "frame-ancestors 'none'"]) expect(admitConsentry(policy, INLINE)).toBe(policy);
    const nonce = { ...INLINE, scriptNonce: "abc", styleNonce: "abc" };
    expect(admitConsentry("script-src 'nonce-abc' 'strict-dynamic'; style-src 'nonce-abc'", nonce)).toBe("script-src 'nonce-abc' 'strict-dynamic'; style-src 'nonce-abc'");
  });

  it("should add hashes where a nonce or hash makes 'unsafe-inline' ignored (CSP3 §6.7.3.5)", () => {
    expect(admitConsentry("script-src 'unsafe-inline' 'nonce-site'", INLINE)).toBe("script-src 'unsafe-inline' 'nonce-site' 'sha256-HEAD' 'sha256-BANNER'");
  });

  it("should treat each of several policies on its own", () => {
    expect(admitConsentryAll("script-src 'unsafe-inline', script-src 'self'", INLINE)).toBe("script-src 'unsafe-inline', script-src 'self' 'sha256-HEAD' 'sha256-BANNER'");
  });
});
