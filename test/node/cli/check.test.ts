/**
 * `consentry check`: every problem of every policy at once, one line each, with
 * "did you mean"; two policies claiming a host; a table when valid. The build
 * prints the same lines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { consentry } from "./run.ts";

const SLOW = { timeout: 60_000 };
const westhub = () => JSON.parse(readFileSync("policies/westhub.json", "utf8"));
const whereby = () => JSON.parse(readFileSync("policies/whereby.json", "utf8"));

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "consentry-check-"));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return dir;
}

describe("consentry check", () => {
  it("should print a table and exit 0 when every policy is valid", SLOW, () => {
    const run = consentry(["check"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^policy\s+file\s+hosts\s+categories\s+cookies\s+vendors\s+routes\s+default regime$/m);
    expect(run.stdout).toMatch(/^westhub\s+policies\/westhub\.json\s+westhub\.app\s+5\s+10\s+5\s+2\s+opt-out$/m);
    expect(run.stdout).toContain("2 policies valid");
  });

  it("should report every problem at once, schema and references together, with did-you-mean", SLOW, () => {
    const bad = westhub();
    bad.cookies[0].catagory = "analytic"; // a misspelt key whose value is a misspelt category
    delete bad.cookies[0].category;
    bad.cookies[1].category = "marketng";
    bad.routes[0].vendors.allow = ["strype"];
    bad.routes[0].mode = "enfroce";
    bad.jurisdictions.default = "optin";
    bad.unknownCookie = "allow";
    const other = whereby();
    other.hosts.push("westhub.app");
    const dir = folder({ "westhub.json": bad, "whereby.json": other });
    const run = consentry(["check", "--policies", dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const f = `${dir}/westhub.json`;
    expect(run.stderr).toBe(
      [
        `${f}: cookies.0: unknown key "catagory" (did you mean "category"?)`,
        `${f}: (file): unknown key "unknownCookie" (did you mean "unknownCookies"?)`,
        `${f}: jurisdictions.default: "optin" is not one of "opt-in", "opt-out", "notice" (did you mean "opt-in"?)`,
        `${f}: routes.0.mode: "enfroce" is not one of "enforce", "report-only", "off" (did you mean "enforce"?)`,
        `${f}: cookies.0.category: unknown category "analytic" (known: necessary, security, functional, analytics, marketing); did you mean "analytics"?`,
        `${f}: cookies.1.category: unknown category "marketng" (known: necessary, security, functional, analytics, marketing); did you mean "marketing"?`,
        `${f}: routes.0.vendors.allow.0: unknown vendor "strype" (not in this policy's vendors nor the catalog); did you mean "stripe"?`,
        `${dir}/whereby.json: hosts.1: "westhub.app" is also claimed by ${f}; a host belongs to one policy`,
        "",
        "8 problems in 2 of 2 files",
        "",
      ].join("\n"),
    );
  });

  it("should name the file's id when it differs from the file name, and a file that is not JSON", SLOW, () => {
    const renamed = westhub();
    const dir = folder({ "my-site.json": renamed, "broken.json": "{ not json" });
    const run = consentry(["check", "--policies", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir}/my-site.json: id: must be "my-site", the file's name`);
    expect(run.stderr).toMatch(new RegExp(`${dir}/broken\\.json: \\(file\\): not valid JSON: `));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("should exit 2 with the verb's usage on a wrong option", SLOW, () => {
    const run = consentry(["check", "--polices", "x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^consentry check: Unknown option '--polices'/);
    expect(run.stderr).toContain("Usage: consentry check");
  });

  it("should show help for every verb, with exit 0", SLOW, () => {
    for (const verb of ["check", "init", "scan", "explain", "verify"]) {
      const run = consentry([verb, "--help"]);
      expect(run.status, verb).toBe(0);
      expect(run.stdout, verb).toMatch(new RegExp(`^Usage: consentry ${verb}`));
      expect(run.stdout, verb).toContain("Exit code");
    }
    expect(consentry(["--help"]).status).toBe(0);
    const typo = consentry(["chek"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(`unknown command "chek" (did you mean "check"?)`);
  });

  it("should make the build print the same lines, without a stack trace", SLOW, () => {
    const bad = westhub();
    bad.cookies[1].category = "marketng";
    const dir = folder({ "westhub.json": bad });
    const check = consentry(["check", "--policies", dir]);
    const build = spawnSync(process.execPath, ["scripts/build-policies.ts", "--policies", dir], { encoding: "utf8" });
    expect(build.status).toBe(1);
    const line = check.stderr.split("\n")[0]!;
    expect(line).toContain("cookies.1.category: unknown category");
    expect(build.stderr.split("\n")[0]).toBe(line);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });
  it("should refuse a brand whose colours fail WCAG AA contrast, and a logo the allowlist would refuse, with one line each", SLOW, () => {
    const policy = westhub();
    policy.banner = { ...policy.banner, brand: { colors: { background: "#ffffff", text: "#777777", accent: "#0b57d0" }, logo: "https://cdn.elsewhere.example/logo.svg", font: "Inter; color: red" } };
    const run = consentry(["check", "--policies", "."], folder({ "westhub.json": policy }));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        `./westhub.json: banner.brand.font: must be a CSS font-family list such as "Inter", system-ui, sans-serif`,
        "./westhub.json: banner.brand.colors.text: text #777777 on background #ffffff has a contrast of 4.48:1, below the 4.5:1 WCAG AA asks for text (WCAG 2.2 §1.4.3)",
        "./westhub.json: banner.brand.logo: cdn.elsewhere.example is not one of this policy's hosts (westhub.app): the allowlist would refuse the image; serve the logo from the site (/logo.svg)",
        "",
        "3 problems in 1 of 1 file",
        "",
      ].join("\n"),
    );
    // #767676 on white is 4.54:1: just enough.
    policy.banner.brand = { colors: { background: "#ffffff", text: "#767676" }, logo: "/logo.png" };
    expect(consentry(["check", "--policies", "."], folder({ "westhub.json": policy })).status).toBe(0);
  });
});

