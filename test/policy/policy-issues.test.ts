/**
 * Every problem of a policy file in one pass: a misspelt key no longer hides
 * the bad value behind it, typos get the closest known word, and two policies
 * may not claim one host.
 */
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/policy/load.ts";
import { policyIssues } from "../../src/policy/policy-issues.ts";
import { PolicyError } from "../../src/policy/policy-error.ts";
import { closest, editDistance } from "../../src/policy/suggest.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";

const edit = (change: (p: any) => void) => {
  const copy = structuredClone(westhubInput) as any;
  change(copy);
  return copy;
};

describe("policyIssues", () => {
  it("should check the value of a misspelt key as if it were spelt right", () => {
    const { policy, issues } = policyIssues(
      edit((p) => {
        p.cookies[0].catagory = "analytic";
        delete p.cookies[0].category;
      }),
      catalog,
    );
    expect(policy).toBeNull();
    expect(issues).toEqual([
      { path: "cookies.0", message: 'unknown key "catagory" (did you mean "category"?)' },
      { path: "cookies.0.category", message: expect.stringMatching(/^unknown category "analytic" \(known: .*\); did you mean "analytics"\?$/) },
    ]);
  });

  it("should report schema and reference problems of different parts together", () => {
    const { issues } = policyIssues(
      edit((p) => {
        p.routes[0].mode = "enforced";
        p.gpc.optOut = ["analytcs"];
      }),
      catalog,
    );
    expect(issues.map((i) => i.path)).toEqual(["routes.0.mode", "gpc.optOut.0"]);
    expect(issues[0]!.message).toContain('did you mean "enforce"?');
    expect(issues[1]!.message).toContain('did you mean "analytics"?');
  });

  it("should not report the consequences of one mistake twice", () => {
    const { issues } = policyIssues(edit((p) => (p.jurisdictions.default = 7)), catalog);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("jurisdictions.default");
  });

  it("should give a valid policy back with no issues", () => {
    const { policy, issues } = policyIssues(structuredClone(westhubInput), catalog);
    expect(issues).toEqual([]);
    expect(policy?.id).toBe("westhub");
  });
});

describe("suggestions", () => {
  it("should count a swap of neighbours as one edit", () => {
    expect(editDistance("catagory", "category")).toBe(1);
    expect(editDistance("enfroce", "enforce")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("should suggest only what is close enough to be a typo", () => {
    expect(closest("analytic", ["necessary", "analytics", "marketing"])).toBe("analytics");
    expect(closest("foo", ["necessary", "analytics"])).toBeUndefined();
  });
});

describe("host claims", () => {
  it("should refuse two policies claiming one host when the isolate loads them", () => {
    const other = structuredClone(wherebyInput) as any;
    other.hosts = [...other.hosts, "westhub.app"];
    const files = [
      { file: "policies/westhub.json", data: structuredClone(westhubInput) },
      { file: "policies/whereby.json", data: other },
    ];
    expect(() => loadRegistry(files, catalog)).toThrow(PolicyError);
    expect(() => loadRegistry(files, catalog)).toThrow('policies/whereby.json: hosts.1: "westhub.app" is also claimed by policies/westhub.json; a host belongs to one policy');
  });

  it("should let a policy claim a subdomain of another's host", () => {
    const other = structuredClone(wherebyInput) as any;
    other.hosts = ["app.westhub.app"];
    const registry = loadRegistry([{ file: "policies/westhub.json", data: structuredClone(westhubInput) }, { file: "policies/whereby.json", data: other }], catalog);
    expect(registry.select("app.westhub.app", undefined)?.id).toBe("whereby");
    expect(registry.select("www.westhub.app", undefined)?.id).toBe("westhub");
  });
});
