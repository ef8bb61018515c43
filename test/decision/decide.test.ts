import { describe, expect, it } from "vitest";
import type { ConsentChoice, ConsentState } from "../../src/consent/consent-cookie.ts";
import { decide, requiredOnly, type DecisionInput } from "../../src/decision/decide.ts";
import { judgeCookie } from "../../src/enforce/judge-cookie.ts";
import type { Jurisdiction } from "../../src/decision/jurisdiction.ts";
import { westhub, whereby } from "../support/policies.ts";

const EU: Jurisdiction = { country: "DE", region: null, source: "cf" };
const CA: Jurisdiction = { country: "US", region: "CA", source: "cf" };
const none: ConsentState = { status: "absent", choice: null };
const chose = (granted: string[], refused: string[], extra: Partial<ConsentChoice> = {}): ConsentState => ({
  status: "valid",
  choice: { granted, refused, vendors: [], revision: 1, time: 0, id: "x".repeat(22), gpc: false, ...extra },
});

function run(input: Partial<DecisionInput>) {
  const policy = input.policy ?? westhub;
  return decide({
    policy,
    route: policy.route(new URL("https://westhub.app/")),
    consent: none,
    gpc: false,
    dnt: false,
    jurisdiction: EU,
    ...input,
  });
}

const reasons = (d: ReturnType<typeof decide>) => Object.fromEntries(Object.entries(d.categories).map(([k, v]) => [k, v.reason]));

describe("decide", () => {
  it("should allow only required categories for an EU visitor who has not chosen (silence is refusal)", () => {
    const d = run({});
    expect([...d.allowed]).toEqual(["necessary", "security"]);
    expect(reasons(d)).toEqual({ necessary: "required", security: "required", functional: "no-choice", analytics: "no-choice", marketing: "forbidden" });
    expect(d).toMatchObject({ regime: "opt-in", jurisdiction: "DE", showBanner: true, hasChoice: false });
  });

  it("should follow a valid choice, and never allow a forbidden category", () => {
    const d = run({ consent: chose(["analytics", "functional", "marketing"], []) });
    expect([...d.allowed].sort()).toEqual(["analytics", "functional", "necessary", "security"]);
    expect(d.categories.marketing).toEqual({ allowed: false, reason: "forbidden" });
    expect(d.showBanner).toBe(false);
  });

  it("should honour a partial choice", () => {
    const d = run({ consent: chose(["functional"], ["analytics"]) });
    expect(d.categories.functional).toEqual({ allowed: true, reason: "granted" });
    expect(d.categories.analytics).toEqual({ allowed: false, reason: "refused" });
  });

  it("should allow optional categories by default under opt-out (California without GPC)", () => {
    const d = run({ jurisdiction: CA });
    expect(d.categories.analytics).toEqual({ allowed: true, reason: "opt-out-default" });
    expect(d.regime).toBe("opt-out");
  });

  it("should opt a California visitor with GPC out of what the policy ties to GPC", () => {
    const d = run({ jurisdiction: CA, gpc: true });
    expect(d.categories.analytics).toEqual({ allowed: false, reason: "gpc" });
    expect(d.categories.functional).toEqual({ allowed: true, reason: "opt-out-default" });
  });

  it("should let GPC override an earlier yes, but not a yes given while GPC was on", () => {
    expect(run({ jurisdiction: CA, gpc: true, consent: chose(["analytics"], []) }).categories.analytics?.reason).toBe("gpc");
    expect(run({ jurisdiction: CA, gpc: true, consent: chose(["analytics"], [], { gpc: true }) }).categories.analytics?.reason).toBe("granted");
  });

  it("should ignore DNT where the policy says it changes nothing, and honour it where it says so", () => {
    expect(run({ jurisdiction: CA, dnt: true }).categories.analytics?.allowed).toBe(true);
    const p = { ...westhub, dntOptOut: new Set(["analytics"]) };
    expect(run({ policy: p, jurisdiction: CA, dnt: true }).categories.analytics).toEqual({ allowed: false, reason: "dnt" });
  });

  it("should keep the refusals of an older revision and ask again", () => {
    const stale: ConsentState = { status: "stale", choice: chose(["functional"], ["analytics"]).choice };
    const d = run({ jurisdiction: CA, consent: stale });
    expect(d.categories.analytics).toEqual({ allowed: false, reason: "refused" });
    // A yes from an older revision does not carry over: under opt-out the default applies.
    expect(d.categories.functional).toEqual({ allowed: true, reason: "opt-out-default" });
    expect(d.showBanner).toBe(true);
  });

  it("should require an opt-in everywhere for a category marked alwaysOptIn (Whereby advertising)", () => {
    const d = run({ policy: whereby, jurisdiction: CA });
    expect(d.categories.advertising).toEqual({ allowed: false, reason: "no-choice" });
    expect(d.categories.analysis).toEqual({ allowed: true, reason: "opt-out-default" });
  });

  it("should not show the banner on a route that turns it off", () => {
    const route = { ...westhub.route(new URL("https://westhub.app/")), banner: false };
    expect(run({ route }).showBanner).toBe(false);
  });

  it("should fall back to required categories only", () => {
    const d = requiredOnly(westhub, westhub.route(new URL("https://westhub.app/")));
    expect([...d.allowed]).toEqual(["necessary", "security"]);
  });
});

describe("vendors granted one by one", () => {
  const chooseVendors = (vendors: string[]): ConsentState => chose([], ["analysis", "integrations", "advertising"], { vendors });

  it("should carry grants from a valid choice only", () => {
    expect([...run({ policy: whereby, consent: chooseVendors(["youtube"]) }).vendorGrants]).toEqual(["youtube"]);
    expect(run({ policy: whereby, consent: { status: "stale", choice: chooseVendors(["youtube"]).choice } }).vendorGrants.size).toBe(0);
    expect(requiredOnly(whereby, whereby.route(new URL("https://whereby.com/"))).vendorGrants.size).toBe(0);
  });

  it("should let the granted vendor's cookies through and no other of its category, never a forbidden one's", () => {
    const route = whereby.route(new URL("https://whereby.com/"));
    const decision = run({ policy: whereby, consent: chooseVendors(["google-ads"]) });
    expect(judgeCookie("_gcl_au", { policy: whereby, decision, route }).allowed).toBe(true);
    expect(judgeCookie("_fbp", { policy: whereby, decision, route }).allowed).toBe(false);
    const westhubRoute = westhub.route(new URL("https://westhub.app/"));
    const forbidden = run({ policy: westhub, consent: chose([], ["functional", "analytics"], { vendors: ["meta-pixel"] }) });
    expect(judgeCookie("_fbp", { policy: westhub, decision: forbidden, route: westhubRoute }).allowed).toBe(false);
  });
});
