import { describe, expect, it } from "vitest";
import { loadPolicy, validatePolicy } from "../../src/policy/load.ts";
import { PolicyError } from "../../src/policy/policy-error.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";

function issuesOf(file: string, data: unknown): { path: string; message: string }[] {
  try {
    validatePolicy(file, data, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).file).toBe(file);
    return [...(error as PolicyError).issues];
  }
  throw new Error("expected the policy to be rejected");
}

const edit = (change: (p: Record<string, any>) => void) => {
  const copy = structuredClone(westhubInput) as Record<string, any>;
  change(copy);
  return copy;
};

describe("policy files", () => {
  it("should accept both seed policies", () => {
    expect(loadPolicy("policies/westhub.json", westhubInput, catalog).id).toBe("westhub");
    expect(loadPolicy("policies/whereby.json", wherebyInput, catalog).id).toBe("whereby");
  });

  describe("schema errors name the file, the path and the reason", () => {
    it("should reject a misspelt key (strict objects)", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.cookies[0].catagory = "necessary")));
      expect(issues).toContainEqual({ path: "cookies.0", message: expect.stringContaining('"catagory"') });
    });

    it("should reject a regime that does not exist", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.jurisdictions.default = "opt-maybe")));
      expect(issues[0]?.path).toBe("jurisdictions.default");
    });

    it("should reject a cookie rule with both a name and a pattern", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.cookies[0].name = "sid")));
      expect(issues).toContainEqual({ path: "cookies.0", message: "give exactly one of name or pattern" });
    });

    it("should reject a storage rule with neither a name nor a pattern", () => {
      expect(issuesOf("policies/westhub.json", edit((p) => (p.storage = [{ category: "functional" }])))[0]?.message).toMatch(/exactly one of name or pattern/);
    });

    it("should reject an unanchored or broken pattern", () => {
      expect(issuesOf("policies/westhub.json", edit((p) => (p.cookies[0].pattern = "_ga.*")))[0]?.message).toMatch(/anchored/);
      expect(issuesOf("policies/westhub.json", edit((p) => (p.cookies[0].pattern = "^(_ga$")))[0]?.message).toMatch(/regular expression/);
    });

    it("should reject a host with a scheme or a wildcard", () => {
      expect(issuesOf("policies/westhub.json", edit((p) => (p.hosts = ["https://westhub.app"])))[0]?.path).toBe("hosts.0");
      expect(issuesOf("policies/westhub.json", edit((p) => (p.hosts = ["*.westhub.app"])))[0]?.path).toBe("hosts.0");
    });
  });

  describe("reference errors", () => {
    it("should name an unknown category and list the known ones", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.cookies[2].category = "analytic")));
      expect(issues).toContainEqual({ path: "cookies.2.category", message: expect.stringMatching(/unknown category "analytic" \(known: necessary, security/) });
    });

    it("should name an unknown category of a storage rule", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.storage = [{ name: "drafts", category: "analytic" }])));
      expect(issues).toContainEqual({ path: "storage.0.category", message: expect.stringContaining('unknown category "analytic"') });
    });

    it("should name an unknown vendor in a route", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.routes[0].vendors.allow = ["strype"])));
      expect(issues).toContainEqual({ path: "routes.0.vendors.allow.0", message: expect.stringContaining('unknown vendor "strype"') });
    });

    it("should reject a route pattern URLPattern cannot compile", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.routes[0].pattern = "/billing/(unclosed")));
      expect(issues[0]?.path).toBe("routes.0.pattern");
    });

    it("should reject a signal that opts out of a required category", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.gpc.optOut = ["necessary"])));
      expect(issues).toContainEqual({ path: "gpc.optOut.0", message: expect.stringContaining("required") });
    });

    it("should reject a category both required and forbidden", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => (p.categories[4].required = true)));
      expect(issues).toContainEqual({ path: "categories.4", message: expect.stringContaining("both required and forbidden") });
    });

    it("should require an id equal to the file name", () => {
      const issues = issuesOf("policies/other.json", structuredClone(westhubInput));
      expect(issues[0]).toEqual({ path: "id", message: 'must be "other", the file\'s name' });
    });

    it("should require name and category for a vendor the catalog does not know", () => {
      const issues = issuesOf("policies/westhub.json", edit((p) => p.vendors.push({ id: "acme-chat", hosts: ["chat.acme.test"] })));
      expect(issues.map((i) => i.path)).toEqual(["vendors.5.name", "vendors.5.category"]);
    });

    it("should collect every issue of a file in one error", () => {
      const bad = edit((p) => {
        p.cookies[0].category = "nope";
        p.cookies[1].category = "nada";
      });
      expect(() => validatePolicy("policies/westhub.json", bad, catalog)).toThrow(/cookies\.0\.category[\s\S]*cookies\.1\.category/);
    });
  });
});
