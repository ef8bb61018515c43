/**
 * The build step that guards every deploy: a bad policy fails it with the file,
 * the path inside it and the reason; the JSON Schema editors use stays current.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { policySchema } from "../../src/policy/schema.ts";

const build = (...args: string[]) => spawnSync(process.execPath, ["scripts/build-policies.ts", ...args], { encoding: "utf8" });

describe("scripts/build-policies.ts", () => {
  it("should accept the policies in policies/", () => {
    const run = build("--check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2 policies valid \(policies\/westhub\.json, policies\/whereby\.json\)/);
  });

  it("should fail with the file, the path and the reason for a bad policy", () => {
    const dir = mkdtempSync(join(tmpdir(), "consentry-policies-"));
    const policy = JSON.parse(readFileSync("policies/westhub.json", "utf8"));
    policy.cookies[0].catagory = policy.cookies[0].category;
    policy.routes[0].vendors.allow = ["strype"];
    writeFileSync(join(dir, "westhub.json"), JSON.stringify(policy));
    const run = build("--policies", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir}/westhub.json: cookies.0: unknown key "catagory" (did you mean "category"?)`);
    // Every problem at once: the bad vendor reference beside the schema error.
    expect(run.stderr).toContain(`${dir}/westhub.json: routes.0.vendors.allow.0: unknown vendor "strype"`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("should report reference errors once the schema passes", () => {
    const dir = mkdtempSync(join(tmpdir(), "consentry-policies-"));
    const policy = JSON.parse(readFileSync("policies/westhub.json", "utf8"));
    policy.routes[0].vendors.allow = ["strype"];
    writeFileSync(join(dir, "westhub.json"), JSON.stringify(policy));
    const run = build("--policies", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`routes.0.vendors.allow.0: unknown vendor "strype"`);
  });

  it("should fail on a file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "consentry-policies-"));
    writeFileSync(join(dir, "westhub.json"), "{ not json");
    const run = build("--policies", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/westhub\.json: \(file\): not valid JSON/);
  });

  it("should keep policies/schema.json in step with the zod schema", () => {
    const committed = JSON.parse(readFileSync("policies/schema.json", "utf8"));
    const current = { ...z.toJSONSchema(policySchema, { io: "input", unrepresentable: "any" }), title: "Consentry policy" };
    expect(committed).toEqual(JSON.parse(JSON.stringify(current)));
    expect(committed.properties.categories.items.additionalProperties).toBe(false);
  });
});
