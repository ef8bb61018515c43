/**
 * `consentry explain` and `consentry verify` from the command line: the same
 * page and visitor give the decision, each cookie and host with its action and
 * reason; verify reads the Consentry header and fails CI when enforcement is off.
 */
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSite } from "./fixtures/site.ts";
import { consentryAsync } from "./run.ts";

const SLOW = { timeout: 120_000 };
let site: Awaited<ReturnType<typeof serveSite>>;
let cwd: string;
beforeAll(async () => {
  site = await serveSite();
  cwd = mkdtempSync(join(tmpdir(), "consentry-explain-"));
  await consentryAsync(["init", "--id", "fixture", "--host", "fixture.test"], cwd);
}, 60_000);
afterAll(() => site.close());

describe("consentry explain", () => {
  it("should show the decision and every cookie and host with action and reason", SLOW, async () => {
    const run = await consentryAsync(["explain", `${site.url}/`, "--policy", "fixture", "--country", "DE"], cwd);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("route    /*: mode report-only");
    expect(run.stdout).toContain("visitor  DE → opt-in; GPC off; no choice yet");
    expect(run.stdout).toMatch(/^analytics\s+refused\s+no-choice$/m);
    expect(run.stdout).toMatch(/^_ga\s+would remove\s+analytics\s+google-analytics\s+no-choice$/m);
    expect(run.stdout).toMatch(/^sid\s+would remove\s+-\s+-\s+unknown$/m);
    expect(run.stdout).toMatch(/^www\.googletagmanager\.com\s+would refuse\s+google-tag-manager\s+analytics\s+no-choice\s+script$/m);
    expect(run.stdout).toMatch(/^i\.example-cdn\.test\s+would refuse\s+-\s+-\s+unclassified\s+img srcset$/m);
  });

  it("should follow --consent, --gpc and --country", SLOW, async () => {
    const granted = await consentryAsync(["explain", `${site.url}/`, "--policy", "fixture", "--country", "DE", "--consent", "analytics", "--json"], cwd);
    const json = JSON.parse(granted.stdout);
    expect(json.decision.categories.analytics).toEqual({ allowed: true, reason: "granted" });
    expect(json.cookies.find((c: { name: string }) => c.name === "_ga")).toMatchObject({ action: "keep", reason: "granted" });
    const gpc = JSON.parse((await consentryAsync(["explain", `${site.url}/`, "--policy", "fixture", "--country", "US-CA", "--gpc", "--json"], cwd)).stdout);
    expect(gpc.decision.regime).toBe("opt-out");
    expect(gpc.decision.categories.analytics).toEqual({ allowed: false, reason: "gpc" });
    expect(gpc.decision.categories.functional).toEqual({ allowed: true, reason: "opt-out-default" });
    const bad = await consentryAsync(["explain", `${site.url}/`, "--policy", "fixture", "--consent", "analytic"], cwd);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`--consent: fixture has no category "analytic"`);
  });
});

describe("consentry verify", () => {
  const serve = async (header: string | null) => {
    const server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html", ...(header === null ? {} : { consentry: header }) });
      res.end("<p>hi</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
  };

  it("should pass when Consentry enforces, and fail otherwise", SLOW, async () => {
    const enforce = await serve("policy=fixture; mode=enforce");
    const ok = await consentryAsync(["verify", enforce.url, "--policy", "fixture"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`${enforce.url}: 200, Consentry: policy=fixture; mode=enforce; no allowlist header\n`);
    const wrong = await consentryAsync(["verify", enforce.url, "--policy", "other"]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe("policy is fixture, expected other\n");
    enforce.close();
    const reportOnly = await serve("policy=fixture; mode=report-only");
    expect((await consentryAsync(["verify", reportOnly.url])).stderr).toBe("mode is report-only, expected enforce\n");
    expect((await consentryAsync(["verify", reportOnly.url, "--mode", "report-only"])).status).toBe(0);
    reportOnly.close();
    const none = await serve(null);
    const missing = await consentryAsync(["verify", none.url]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no Consentry header: Consentry does not answer for this URL");
    none.close();
  });
});
