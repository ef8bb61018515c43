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

  /** What the Worker's catalog says about a cookie: the whole catalog's answer without the platform, which no Worker code reads. */
  const inWorker = (name: string) => ({ ...whole.imported.cookieInfo(name), platform: "" });

  it("should keep purpose and retention where a policy can show them: its vendors' cookies and the cookies it names", () => {
    expect(trimmed.imported.cookieInfo("_acme")).toEqual(inWorker("_acme"));
    expect(trimmed.imported.cookieInfo("_acme_x")).toEqual(inWorker("_acme_x"));
    expect(trimmed.imported.cookieInfo("_named")).toMatchObject({ purpose: "Named by a policy.", retention: "session" });
  });

  it("should keep them for a cookie a policy's pattern matches", () => {
    expect(trimmed.imported.cookieInfo("_oth")).toEqual(inWorker("_oth"));
    expect(createCatalog(workerCatalog(data, [{ id: "p" }])).imported.cookieInfo("_oth")!.purpose).toBeUndefined();
  });

  it("should drop the texts elsewhere but keep everything a decision reads", () => {
    const other = createCatalog(workerCatalog(data, [{ id: "p" }])).imported.cookieInfo("_oth")!;
    expect(other).toEqual({ ...inWorker("_oth"), purpose: undefined, retention: undefined });
    expect(other.purpose).toBeUndefined();
    expect(other.category).toBe("marketing");
    expect(trimmed.vendorForHost("x.other.example")).toEqual(whole.vendorForHost("x.other.example"));
  });

  it("should keep them for the entry a declared name lands on, by prefix too", () => {
    const declared = createCatalog(workerCatalog(data, [{ id: "q", cookies: [{ name: "_acme_session", category: "analytics" }] }]));
    expect(declared.imported.cookieInfo("_acme_session")).toEqual(inWorker("_acme_session"));
    expect(declared.imported.cookieInfo("_acme")!.purpose).toBeUndefined();
  });

  it("should keep a curated vendor's texts where a policy names the vendor or declares the cookie, and drop them elsewhere", () => {
    const [first, second] = catalogData.curated.filter((v) => v.cookies.some((c) => c.name !== undefined && c.purpose !== undefined));
    const cookie = second!.cookies.find((c) => c.name !== undefined && c.purpose !== undefined)!;
    const curated = createCatalog(workerCatalog(catalogData, [{ id: "r", vendors: [{ id: first!.id }], cookies: [{ name: cookie.name }] }]));
    expect(curated.curated(first!.id)).toEqual(first);
    expect(curated.cookieInfo(cookie.name!)).toEqual(createCatalog(catalogData).cookieInfo(cookie.name!));
    const others = curated.vendors.filter((v) => v.id !== first!.id && v.id !== second!.id);
    expect(others.flatMap((v) => v.cookies).filter((c) => c.purpose !== undefined || c.retention !== undefined)).toEqual([]);
    expect(others.map((v) => ({ ...v, cookies: v.cookies.map((c) => c.name ?? c.pattern) }))).toEqual(
      catalogData.curated.filter((v) => v.id !== first!.id && v.id !== second!.id).map((v) => ({ ...v, cookies: v.cookies.map((c) => c.name ?? c.pattern) })),
    );
  });

  it("should make the real catalog much smaller for the seed policies", () => {
    const size = (d: CatalogData) => JSON.stringify(d).length;
    expect(size(workerCatalog(catalogData, policies))).toBeLessThan(size(catalogData) * 0.6);
  });
});
