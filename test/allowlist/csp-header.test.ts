/**
 * The CSP header lists exactly what judgeHost allows: a property over random
 * decisions (categories granted, vendors granted, jurisdictions, routes) and every
 * host of every vendor the policies and the catalog know. The oracle is CSP3's own
 * host-source matching (§6.7.2.8), written out here for scheme-less sources.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allowlistFor } from "../../src/allowlist/allowlist.ts";
import { cspFor, reportingEndpoints } from "../../src/allowlist/csp-header.ts";
import { judgeHost } from "../../src/allowlist/judge-host.ts";
import { decide } from "../../src/decision/decide.ts";
import { westhub, whereby } from "../support/policies.ts";
import { propertyRuns } from "../support/provided.ts";

/** CSP3 §6.7.2.8 host-part match for a scheme-less source in default-src. */
function allowedByCsp(csp: string, host: string): boolean {
  const defaultSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("default-src "))!;
  return defaultSrc
    .split(/\s+/)
    .slice(1)
    .filter((source) => !source.startsWith("'") && !source.endsWith(":"))
    .some((source) => (source.startsWith("*.") ? host.endsWith(source.slice(1)) : host === source));
}

const RUNS = propertyRuns();

describe("the allowlist as a CSP", () => {
  for (const policy of [westhub, whereby]) {
    const hosts = [...new Set(policy.vendors.flatMap((v) => v.hosts.flatMap((h) => [h, `www.${h}`, `a.b.${h}`])))].concat(["collect.unlisted-tracker.example", `cdn.${policy.hosts[0]}`]);
    it(`should list every host judgeHost allows and none it refuses (${policy.id})`, () => {
      fc.assert(
        fc.property(
          fc.subarray([...policy.optionalCategories]),
          fc.subarray(policy.vendors.map((v) => v.id), { maxLength: 4 }),
          fc.constantFrom("DE", "FR", "US-CA", "US-TX", "BR", "XX"),
          fc.constantFrom("/", "/billing/x", "/dialer", "/about"),
          fc.boolean(),
          (granted, vendors, where, path, chose) => {
            const route = policy.route(new URL(`https://${policy.hosts[0]}${path}`));
            const [country, region] = where.split("-");
            const consent = chose
              ? ({ status: "valid", choice: { granted, refused: [], vendors, revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } } as const)
              : ({ status: "absent", choice: null } as const);
            const decision = decide({ policy, route, consent, gpc: false, dnt: false, jurisdiction: { country: country === "XX" ? null : country!, region: region ?? null, source: "cf" } });
            const context = { policy, decision, route };
            const csp = cspFor(allowlistFor(context), true);
            for (const host of hosts) {
              expect(allowedByCsp(csp, host), `${host} under ${JSON.stringify({ granted, vendors, where, path, chose })}`).toBe(judgeHost(host, "page.invalid", context).allowed);
            }
          },
        ),
        { numRuns: RUNS },
      );
    }, 600_000);
  }

  it("should keep the site's own code running: inline, eval, data: and blob:, and report to Consentry", () => {
    const route = westhub.route(new URL("https://westhub.app/"));
    const decision = decide({ policy: westhub, route, consent: { status: "absent", choice: null }, gpc: false, dnt: false, jurisdiction: { country: "DE", region: null, source: "cf" } });
    const csp = cspFor(allowlistFor({ policy: westhub, decision, route }), true);
    expect(csp).toMatch(/^default-src 'self' .* data: blob: 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; connect-src 'self' .* wss:\/\/fonts\.googleapis\.com .*; report-uri \/_consentry\/csp-report; report-to consentry$/);
    expect(reportingEndpoints(new URL("https://westhub.app/x?y"))).toBe(`consentry="https://westhub.app/_consentry/csp-report"`);
  });
});
