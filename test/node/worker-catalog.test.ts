import { describe, expect, it } from "vitest";
import { catalogData } from "../../src/catalog/lookup.ts";
import { createCatalog } from "../../src/catalog/catalog.ts";
import type { CatalogData } from "../../src/catalog/catalog-format.ts";
import { workerCatalog } from "../../scripts/worker-catalog.ts";

/** Two cookie groups: one of a vendor a policy names, one of a vendor none names. */
const data: CatalogData = {
  ...catalogData,
  vendors: "Acme Analytics\tacme\ta\tacme.example\nOther Ads\tother\tm\tother.example",
  cookies: [
    "Acme\tacme\n_acme\t=\ta\t2 years\tCounts visits.\n_acme_\t*\ta\t1 day\tA session.",
    "Other\tother\n_oth\t=\tm\t1 year\tTargets ads.\n_named\t=\tf\tsession\tNamed by a policy.",
  ],
};

describe("workerCatalog", () => {
  const policies = [{ id: "p", vendors: [{ id: "acme" }], cookies: [{ name: "_named", category: "functional" }, { pattern: "^(?:_oth|_other)$", category: "marketing" }] }];
  const trimmed = createCatalog(workerCatalog(data, policies));
  const whole = createCatalog(data);

  it("should keep purpose and retention where a policy can show them: its vendors' cookies and the cookies it names", () => {
    expect(trimmed.imported.cookieInfo("_acme")).toEqual(whole.imported.cookieInfo("_acme"));
    expect(trimmed.imported.cookieInfo("_acme_x")).toEqual(whole.imported.cookieInfo("_acme_x"));
    expect(trimmed.imported.cookieInfo("_named")).toMatchObject({ purpose: "Named by a policy.", retention: "session" });
  });

  it("should keep them for a cookie a policy's pattern matches", () => {
    expect(trimmed.imported.cookieInfo("_oth")).toEqual(whole.imported.cookieInfo("_oth"));
    expect(createCatalog(workerCatalog(data, [{ id: "p" }])).imported.cookieInfo("_oth")!.purpose).toBeUndefined();
  });

  it("should drop the texts elsewhere but keep everything a decision reads", () => {
    const other = createCatalog(workerCatalog(data, [{ id: "p" }])).imported.cookieInfo("_oth")!;
    expect(other).toEqual({ ...whole.imported.cookieInfo("_oth"), purpose: undefined, retention: undefined });
    expect(other.purpose).toBeUndefined();
    expect(other.category).toBe("marketing");
    expect(trimmed.vendorForHost("x.other.example")).toEqual(whole.vendorForHost("x.other.example"));
  });

  it("should make the real catalog much smaller for the seed policies", () => {
    const size = (d: CatalogData) => JSON.stringify(d).length;
    expect(size(workerCatalog(catalogData, policies))).toBeLessThan(size(catalogData) * 0.6);
  });
});
