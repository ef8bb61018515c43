/**
 * `consentry scan` against a fixture site served in-process: every cookie (name,
 * domain, path, lifetime) and every third-party host, classified; the crawl's
 * limits; what a policy does not cover and the exit code CI reads.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED, serveSite } from "./fixtures/site.ts";
import { consentryAsync } from "./run.ts";

const SLOW = { timeout: 120_000 };
let site: Awaited<ReturnType<typeof serveSite>>;
beforeAll(async () => {
  site = await serveSite();
});
afterAll(() => site.close());

interface ScanJson {
  pages: { path: string }[];
  cookies: { name: string; domain: string | null; path: string; lifetime: number | null; category: string | null; covered: boolean; script?: boolean }[];
  hosts: { host: string; via: string[]; category: string | null; vendor: { id: string } | null; covered: boolean }[];
}

describe("consentry scan", () => {
  it("should find every cookie and third-party host of the site, without a browser", SLOW, async () => {
    const run = await consentryAsync(["scan", `${site.url}/`, "--json", "--depth", "1"], mkdtempSync(join(tmpdir(), "consentry-scan-")));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const found = JSON.parse(run.stdout) as ScanJson;
    expect(found.cookies.map((c) => c.name).sort()).toEqual(EXPECTED.cookies);
    expect(found.hosts.map((h) => h.host).sort()).toEqual(EXPECTED.hosts);
    const cookie = (name: string) => found.cookies.find((c) => c.name === name)!;
    expect(cookie("sid")).toMatchObject({ domain: null, path: "/", lifetime: null });
    expect(cookie("lang")).toMatchObject({ path: "/about", lifetime: 86400 });
    expect(cookie("cart")).toMatchObject({ domain: "shop.test", path: "/shop", lifetime: 3600 });
    expect(cookie("_ga").lifetime).toBeGreaterThan(5 * 365 * 86400);
    // Classified by the catalog: Google Analytics' cookie, Meta's host.
    expect(cookie("_ga").category).toBe("analytics");
    const host = (name: string) => found.hosts.find((h) => h.host === name)!;
    expect(host("connect.facebook.net")).toMatchObject({ category: "marketing", via: ["inline script"] });
    expect(host("fonts.gstatic.com").via).toEqual(["css /site.css"]);
    expect(host("api.mixpanel.com").via).toEqual(["script /app.js"]);
    expect(host("cdn.unknown-host.test")).toMatchObject({ vendor: null, covered: false });
    // The link to another site is a navigation, not a load; JSON-LD names a host it never loads.
    expect(found.hosts.map((h) => h.host)).not.toContain("elsewhere.test");
    expect(found.hosts.map((h) => h.host)).not.toContain("schema.org");
  });

  it("should keep to the depth and page limits", SLOW, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "consentry-scan-"));
    const shallow = JSON.parse((await consentryAsync(["scan", `${site.url}/`, "--json", "--depth", "0"], cwd)).stdout) as ScanJson;
    expect(shallow.pages.map((p) => p.path)).toEqual(["/"]);
    const deep = JSON.parse((await consentryAsync(["scan", `${site.url}/`, "--json", "--depth", "2"], cwd)).stdout) as ScanJson;
    expect(deep.cookies.map((c) => c.name)).toContain("deep");
    expect(deep.hosts.map((h) => h.host)).toContain("deep.example-tracker.test");
    const few = JSON.parse((await consentryAsync(["scan", `${site.url}/`, "--json", "--depth", "3", "--pages", "2"], cwd)).stdout) as ScanJson;
    expect(few.pages).toHaveLength(2);
  });

  it("should exit 1 naming what the policy does not cover, and 0 once --write has added it", SLOW, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "consentry-scan-"));
    const init = await consentryAsync(["init", "--id", "fixture", "--host", "fixture.test"], cwd);
    expect(init.status).toBe(0);
    const before = await consentryAsync(["scan", `${site.url}/`, "--policy", "fixture"], cwd);
    expect(before.status).toBe(1);
    expect(before.stdout).toContain("Not covered by policies/fixture.json (enforce mode would refuse these):");
    expect(before.stdout).toContain("  cookie sid: no rule names it (unknown cookies are blocked)");
    expect(before.stdout).toContain("  host cdn.unknown-host.test: nobody classified this host");
    const write = await consentryAsync(["scan", `${site.url}/`, "--policy", "fixture", "--write"], cwd);
    expect(write.status).toBe(0);
    expect(write.stdout).toMatch(/Wrote policies\/fixture\.json: \d+ cookies \(.*sid.*\) and \d+ vendors/);
    const policy = JSON.parse(readFileSync(join(cwd, "policies/fixture.json"), "utf8"));
    const sid = policy.cookies.find((c: { name?: string }) => c.name === "sid");
    expect(sid).toMatchObject({ category: "necessary" });
    expect(sid.$comment).toMatch(/^Added by consentry scan: set on \/, a session cookie; no rule or catalog knows it\. Its name looks necessary/);
    expect(policy.vendors.find((v: { id: string }) => v.id === "cdn-unknown-host-test")).toMatchObject({ hosts: ["cdn.unknown-host.test"], category: "functional" });
    expect((await consentryAsync(["check"], cwd)).status).toBe(0);
    const after = await consentryAsync(["scan", `${site.url}/`, "--policy", "fixture"], cwd);
    expect(after.stdout).toContain("policies/fixture.json covers every cookie and host found.");
    expect(after.status).toBe(0);
  });

  it("should say in one line when the site cannot be reached, and exit 2 on a bad option", SLOW, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "consentry-scan-"));
    const closed = await serveSite();
    await closed.close();
    const down = await consentryAsync(["scan", `${closed.url}/`], cwd);
    expect(down.status).toBe(1);
    expect(down.stderr).toBe(`consentry scan: cannot fetch ${closed.url}/: ECONNREFUSED\n`);
    const bad = await consentryAsync(["scan", `${site.url}/`, "--depth", "x"], cwd);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^consentry scan: --depth must be a whole number/);
  });

  it.runIf(existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"))("should find cookies written by scripts and requests made after load with --browser", SLOW, async () => {
    const cwd = mkdtempSync(join(tmpdir(), "consentry-scan-"));
    mkdirSync(join(cwd, "policies"));
    const plain = JSON.parse((await consentryAsync(["scan", `${site.url}/js`, "--json", "--depth", "0"], cwd)).stdout) as ScanJson;
    expect(plain.cookies.map((c) => c.name)).not.toContain("js_cookie");
    const run = await consentryAsync(["scan", `${site.url}/js`, "--json", "--depth", "0", "--browser"], cwd);
    expect(run.stderr).toBe("");
    const found = JSON.parse(run.stdout) as ScanJson;
    expect(found.cookies.find((c) => c.name === "js_cookie")).toMatchObject({ script: true, path: "/" });
    expect(found.hosts.map((h) => h.host)).toContain("late.example-beacon.test");
  });
});
