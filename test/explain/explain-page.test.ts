/**
 * `consentry explain` tells what the Worker does: for the same page and the same
 * visitor, the cookies explain keeps are the ones the Worker lets through, the
 * hosts it refuses never load from the Worker's markup, and its allowlist is the
 * Worker's Content-Security-Policy.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { explainPage, type Explanation } from "../../src/explain/explain-page.ts";
import { CALIFORNIA, consentCookie, EU, visit } from "../support/visitor.ts";
import { westhub } from "../support/policies.ts";

const SITE = "https://westhub.app";
/** The third parties the demo home page loads (what `consentry scan` finds on it). */
const HOSTS = ["connect.facebook.net", "fonts.googleapis.com", "www.googletagmanager.com", "www.youtube.com", "www.facebook.com", "snap.licdn.com"].map((host) => ({ host, via: ["test"] }));

interface Case {
  name: string;
  cf: Record<string, unknown>;
  country: string;
  gpc?: boolean;
  granted?: string[];
}

const CASES: Case[] = [
  { name: "a visitor in Germany who has not chosen", cf: EU, country: "DE" },
  { name: "a visitor in Germany who allowed analytics and functional", cf: EU, country: "DE", granted: ["analytics", "functional"] },
  { name: "a visitor in Germany who refused everything", cf: EU, country: "DE", granted: [] },
  { name: "a Californian visitor with GPC", cf: CALIFORNIA, country: "US-CA", gpc: true },
  { name: "a Californian visitor without a signal", cf: CALIFORNIA, country: "US-CA" },
];

/** The hosts of a CSP's default-src (each given as `host *.host`). */
function cspHosts(header: string | null): string[] {
  const directive = header?.split(";").map((d) => d.trim()).find((d) => d.startsWith("default-src ")) ?? "";
  return directive.split(/\s+/).slice(1).filter((t) => /^[a-z0-9.-]+\.[a-z]+$/.test(t)).sort();
}

describe("explainPage agrees with the Worker", () => {
  for (const c of CASES) {
    it(`should match the Worker's answer for ${c.name}`, async () => {
      const origin = await fetch(`${env.ORIGIN_URL}/`);
      await origin.body?.cancel();
      const setCookies = origin.headers.getSetCookie();
      expect(setCookies.length).toBeGreaterThan(3);

      const explained: Explanation = explainPage({
        policy: westhub,
        url: new URL(`${SITE}/`),
        setCookies,
        hosts: HOSTS,
        country: c.country,
        gpc: c.gpc === true,
        dnt: false,
        choice: c.granted === undefined ? null : { granted: c.granted, vendors: [] },
        now: Math.floor(Date.now() / 1000),
      });

      const headers: Record<string, string> = {};
      if (c.gpc === true) headers["sec-gpc"] = "1";
      if (c.granted !== undefined) headers.cookie = await consentCookie(westhub, c.granted);
      const response = await visit(`${SITE}/`, { cf: c.cf, headers });
      const body = await response.text();

      // Cookies: kept by explain ⇔ in the Worker's Set-Cookie (expiry lines aside).
      const set = response.headers.getSetCookie().filter((l) => !/Max-Age=0/i.test(l)).map((l) => l.slice(0, l.indexOf("=")));
      expect(explained.cookies.filter((x) => x.action === "keep").map((x) => x.name).sort()).toEqual(set.sort());
      expect(explained.cookies.some((x) => x.action === "remove")).toBe(true);

      // Hosts: the Worker's CSP lists what explain allows; refused hosts are dormant in its markup.
      expect(cspHosts(response.headers.get("content-security-policy"))).toEqual([...(explained.allowlist?.hosts ?? [])].sort());
      for (const h of explained.hosts) {
        const active = new RegExp(`(?<![-\\w])(?:src|href)="https?://${h.host.replaceAll(".", "\\.")}`);
        if (h.action === "refuse") expect(body, h.host).not.toMatch(active);
        else if (h.host !== "connect.facebook.net") expect(body, h.host).toMatch(active);
      }
      expect(explained.decision.showBanner).toBe(body.includes(`<section id="consentry" class="cy"`));
    });
  }

  it("should mark actions as would-be on a report-only route", async () => {
    const { variant, westhubInput } = await import("../support/policies.ts");
    const policy = variant(westhubInput, (p) => {
      p.routes = [{ pattern: "/*", mode: "report-only" }];
    });
    const explained = explainPage({ policy, url: new URL(`${SITE}/`), setCookies: ["_ga=1; Path=/", "session=1; Path=/"], hosts: HOSTS, country: "DE", gpc: false, dnt: false, choice: null, now: 0 });
    expect(explained.cookies.map((x) => [x.name, x.action])).toEqual([["_ga", "would remove"], ["session", "keep"]]);
    expect(explained.hosts.find((h) => h.host === "www.googletagmanager.com")?.action).toBe("would refuse");
  });
});
