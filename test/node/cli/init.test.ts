/**
 * `consentry init`: a commented template, or a policy from a scan; the file
 * name and the id agree, routes start in report-only, and `check` accepts it.
 */
import { mkdtempSync, readFileSync } from "node:fs";
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

const fresh = () => mkdtempSync(join(tmpdir(), "consentry-init-"));

describe("consentry init", () => {
  it("should write a commented template that check accepts, in report-only mode", SLOW, async () => {
    const cwd = fresh();
    const run = await consentryAsync(["init", "--id", "my-shop", "--host", "shop.example"], cwd);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote policies\/my-shop\.json \(a template\)\./);
    const policy = JSON.parse(readFileSync(join(cwd, "policies/my-shop.json"), "utf8"));
    expect(policy).toMatchObject({ id: "my-shop", name: "My Shop", hosts: ["shop.example"], routes: [{ pattern: "/*", mode: "report-only" }] });
    expect(policy.$comment).toContain('The file name and "id" must agree (policies/my-shop.json)');
    expect(policy.categories.find((c: { id: string }) => c.id === "necessary")).toMatchObject({ required: true });
    const check = await consentryAsync(["check"], cwd);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^my-shop\s+policies\/my-shop\.json\s+shop\.example\s+4\s+0\s+0\s+1\s+opt-out$/m);
  });

  it("should write a policy from a scan, named after the host, covering everything found", SLOW, async () => {
    const cwd = fresh();
    const run = await consentryAsync(["init", `${site.url}/`, "--depth", "1", "--host", "fixture.test"], cwd);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote policies\/127-0-0-1\.json \(from a scan of \d+ pages: \d+ cookies and \d+ vendors to review\)\./);
    const policy = JSON.parse(readFileSync(join(cwd, "policies/127-0-0-1.json"), "utf8"));
    expect(policy.id).toBe("127-0-0-1");
    // The catalog knows _ga (Google Analytics) and lang (Open Cookie Database): only what nobody knows is added.
    const names = policy.cookies.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(EXPECTED.cookies.filter((n) => n !== "_ga" && n !== "lang"));
    expect((await consentryAsync(["check"], cwd)).status).toBe(0);
    const rescan = await consentryAsync(["scan", `${site.url}/`, "--depth", "1", "--policy", "127-0-0-1"], cwd);
    expect(rescan.stdout).toContain("covers every cookie and host found.");
    expect(rescan.status).toBe(0);
  });

  it("should not overwrite a policy without --force", SLOW, async () => {
    const cwd = fresh();
    expect((await consentryAsync(["init", "--id", "site"], cwd)).status).toBe(0);
    const again = await consentryAsync(["init", "--id", "site"], cwd);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe("consentry init: policies/site.json exists (--force overwrites it; consentry scan --write adds to it)\n");
    expect((await consentryAsync(["init", "--id", "Not Kebab"], cwd)).status).toBe(2);
  });
});
