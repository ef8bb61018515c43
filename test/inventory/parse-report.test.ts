import { describe, expect, it } from "vitest";
import { MAX_VIOLATIONS, parseViolations } from "../../src/inventory/parse-report.ts";

const ORIGIN = "https://westhub.app";

/** As Chromium posts it for `report-uri` (captured from Chromium 156). */
const CSP_REPORT = {
  "csp-report": {
    "document-uri": "https://westhub.app/pricing?plan=pro",
    referrer: "",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "original-policy": "default-src 'self'",
    disposition: "enforce",
    "blocked-uri": "https://cdn.mxpnl.com/libs/mixpanel.js?token=secret",
    "status-code": 200,
    "script-sample": "",
  },
};

/** As the Reporting API posts it for `report-to`. */
const REPORTS = [
  { age: 0, type: "csp-violation", url: "https://westhub.app/", body: { blockedURL: "https://static.hotjar.com/c/h.js", documentURL: "https://westhub.app/", effectiveDirective: "script-src-elem", disposition: "report" } },
  { age: 0, type: "deprecation", url: "https://westhub.app/", body: {} },
];

describe("violation reports", () => {
  it("should read the report-uri form, keeping the host and nothing of the path or query", () => {
    const [v] = parseViolations("application/csp-report", CSP_REPORT, ORIGIN);
    expect(v).toMatchObject({ host: "cdn.mxpnl.com", directive: "script-src-elem", disposition: "enforce" });
    expect(v!.documentUrl.pathname).toBe("/pricing");
    expect(JSON.stringify({ ...v, documentUrl: undefined })).not.toContain("secret");
  });

  it("should read the Reporting API form, and skip other report types", () => {
    expect(parseViolations("application/reports+json", REPORTS, ORIGIN)).toEqual([
      { host: "static.hotjar.com", directive: "script-src-elem", documentUrl: new URL("https://westhub.app/"), disposition: "report" },
    ]);
  });

  it.each([
    ["inline code", { "csp-report": { ...CSP_REPORT["csp-report"], "blocked-uri": "inline" } }],
    ["eval", { "csp-report": { ...CSP_REPORT["csp-report"], "blocked-uri": "eval" } }],
    ["a data: URL", { "csp-report": { ...CSP_REPORT["csp-report"], "blocked-uri": "data" } }],
    ["another site's page", { "csp-report": { ...CSP_REPORT["csp-report"], "document-uri": "https://evil.example/" } }],
    ["an unknown directive", { "csp-report": { ...CSP_REPORT["csp-report"], "effective-directive": "sandbox", "violated-directive": "sandbox" } }],
    ["a host with odd characters", { "csp-report": { ...CSP_REPORT["csp-report"], "blocked-uri": "https://a_b<c>.example/" } }],
    ["a number", 42],
    ["null", null],
    ["an array of junk", [1, "x", null, { type: "csp-violation", body: "no" }]],
    ["a huge string", { "csp-report": { ...CSP_REPORT["csp-report"], "blocked-uri": `https://${"a".repeat(5000)}.example/` } }],
  ])("should ignore %s", (_, body) => {
    expect(parseViolations("application/csp-report", body, ORIGIN)).toEqual([]);
    expect(parseViolations("application/reports+json", body, ORIGIN)).toEqual([]);
  });

  it(`should take at most ${MAX_VIOLATIONS} violations from one body`, () => {
    expect(parseViolations("application/reports+json", Array(1000).fill(REPORTS[0]), ORIGIN)).toHaveLength(MAX_VIOLATIONS);
  });
});
