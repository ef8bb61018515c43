import { describe, expect, it } from "vitest";
import { allowlistCovers, allowlistFor } from "../../src/allowlist/allowlist.ts";
import { judgeHost } from "../../src/allowlist/judge-host.ts";
import { decide } from "../../src/decision/decide.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { variant, westhub, westhubInput, whereby } from "../support/policies.ts";

function context(policy: CompiledPolicy, options: { granted?: string[]; vendors?: string[]; country?: string; path?: string } = {}) {
  const route = policy.route(new URL(`https://${policy.hosts[0]}${options.path ?? "/"}`));
  const consent =
    options.granted === undefined && options.vendors === undefined
      ? ({ status: "absent", choice: null } as const)
      : ({ status: "valid", choice: { granted: options.granted ?? [], refused: [], vendors: options.vendors ?? [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } } as const);
  const [country, region] = (options.country ?? "DE").split("-");
  const decision = decide({ policy, route, consent, gpc: false, dnt: false, jurisdiction: { country: country!, region: region ?? null, source: "cf" } });
  return { policy, decision, route };
}

const judge = (host: string, ctx: ReturnType<typeof context>) => judgeHost(host, "www.westhub.app", ctx);

describe("judgeHost", () => {
  it("should allow the site itself: the page's host and the policy's hosts with their subdomains", () => {
    const ctx = context(westhub);
    for (const host of ["www.westhub.app", "westhub.app", "cdn.assets.westhub.app"]) expect(judge(host, ctx), host).toEqual({ allowed: true, vendor: null });
    expect(judgeHost("127.0.0.1", "127.0.0.1", ctx).allowed).toBe(true);
    expect(judge("westhub.app.evil.example", ctx).allowed).toBe(false);
  });

  it("should follow the vendor: required categories load, unconsented ones do not, with the reason", () => {
    const ctx = context(westhub);
    expect(judge("fonts.googleapis.com", ctx)).toMatchObject({ allowed: true, vendor: { id: "google-fonts" } });
    expect(judge("static.hotjar.com", ctx)).toMatchObject({ allowed: false, vendor: { id: "hotjar" }, category: "analytics", reason: "no-choice" });
    expect(judge("connect.facebook.net", context(westhub, { granted: ["analytics", "functional"] }))).toMatchObject({ allowed: false, reason: "forbidden" });
    expect(judge("static.hotjar.com", context(westhub, { granted: ["analytics"] }))).toMatchObject({ allowed: true, vendor: { id: "hotjar" } });
  });

  it("should keep a route-scoped vendor to its routes", () => {
    expect(judge("js.stripe.com", context(westhub))).toMatchObject({ allowed: false, reason: "route" });
    expect(judge("js.stripe.com", context(westhub, { path: "/billing/card" }))).toMatchObject({ allowed: true });
  });

  it("should refuse a host nobody classified, unless the policy allows them under the visitor's regime", () => {
    expect(judge("collect.unlisted-tracker.example", context(westhub))).toEqual({ allowed: false, vendor: null, category: null, reason: "unclassified" });
    const optOutOpen = variant(westhubInput, (p) => (p.thirdParties = { unclassified: { "opt-out": "allow" } }));
    expect(judge("collect.unlisted-tracker.example", context(optOutOpen, { country: "US-TX" })).allowed).toBe(true);
    expect(judge("collect.unlisted-tracker.example", context(optOutOpen, { country: "FR" })).allowed).toBe(false);
  });

  it("should load undeclared curated vendors by category, or only declared ones when the policy says so", () => {
    const granted = { granted: ["analytics"] };
    expect(judge("static.hotjar.com", context(westhub, granted)).allowed).toBe(true);
    const declaredOnly = variant(westhubInput, (p) => (p.thirdParties = { undeclared: "declared-only" }));
    expect(judge("static.hotjar.com", context(declaredOnly, granted))).toMatchObject({ allowed: false, reason: "undeclared", category: "analytics" });
    expect(judge("fonts.googleapis.com", context(declaredOnly, granted)).allowed).toBe(true);
  });

  it("should let a vendor granted one by one load though its category stays refused, never a forbidden one", () => {
    expect(judge("www.youtube.com", context(whereby))).toMatchObject({ allowed: false, category: "advertising" });
    const ctx = context(whereby, { vendors: ["youtube"] });
    expect(judgeHost("www.youtube.com", "whereby.com", ctx)).toMatchObject({ allowed: true, vendor: { id: "youtube" } });
    expect(judgeHost("connect.facebook.net", "whereby.com", ctx)).toMatchObject({ allowed: false, reason: "refused" });
    expect(judge("connect.facebook.net", context(westhub, { vendors: ["meta-pixel"] }))).toMatchObject({ allowed: false, reason: "forbidden" });
  });

  // opecloud.com: 1plusX, an analytics vendor only the imported catalog (companiesdb) knows.
  const imported = westhub.vendorForHost("opecloud.com")!;

  it("should let an imported vendor the visitor granted by name load, and list its hosts", () => {
    expect(imported).toMatchObject({ source: "imported", category: "analytics", declared: false });
    expect(judge("opecloud.com", context(westhub, { granted: ["analytics"] }))).toMatchObject({ allowed: false, reason: "undeclared" });
    const ctx = context(westhub, { vendors: [imported.id] });
    expect(judge("opecloud.com", ctx)).toMatchObject({ allowed: true, vendor: { id: imported.id } });
    expect(allowlistCovers(allowlistFor(ctx), "opecloud.com")).toBe(true);
    expect(allowlistCovers(allowlistFor(context(westhub, { granted: ["analytics"] })), "opecloud.com")).toBe(false);
  });

  it("should judge imported vendors by category where unclassified hosts are open, so a known tracker never fares worse than an unknown host", () => {
    const optOutOpen = variant(westhubInput, (p) => (p.thirdParties = { unclassified: { "opt-out": "allow" } }));
    expect(judge("opecloud.com", context(optOutOpen, { country: "US-TX" }))).toMatchObject({ allowed: true, vendor: { id: imported.id } });
    expect(judge("opecloud.com", context(optOutOpen, { country: "FR" }))).toMatchObject({ allowed: false });
    const declaredOnly = variant(westhubInput, (p) => (p.thirdParties = { unclassified: { "opt-out": "allow" }, undeclared: "declared-only" }));
    expect(judge("opecloud.com", context(declaredOnly, { country: "US-TX" }))).toMatchObject({ allowed: false, reason: "undeclared" });
  });
});
