import { describe, expect, it } from "vitest";
import { createJoiner, domainsIn, nameKey } from "../../../scripts/catalog/join.ts";
import type { Companiesdb, OcdRow, Tracker } from "../../../scripts/catalog/sources.ts";

const tracker = (key: string, name: string, companyId: string | null): Tracker => ({ key, name, sourceCategory: "advertising", category: "marketing", companyId });
const source: Companiesdb = {
  trackers: new Map([
    ["acme_ads", tracker("acme_ads", "Acme Ads", "acme")],
    ["solo", tracker("solo", "Solo Pixel", "solo_inc")],
    ["big_one", tracker("big_one", "Big One", "big")],
    ["big_two", tracker("big_two", "Big Two", "big")],
    ["twin_a", tracker("twin_a", "Twin", null)],
    ["twin_b", tracker("twin_b", "Twin", null)],
  ]),
  domains: new Map(),
  companies: new Map([["acme", "Acme Corp"], ["solo_inc", "Solo Inc"], ["big", "Big Group"]]),
};
const imported = new Map([...source.trackers.keys()].map((key) => [key, { id: key.replace(/_/g, "-"), name: source.trackers.get(key)!.name }]));
const hosts: Record<string, string> = { "big-two.test": "big-two", "acme.test": "acme-ads" };
const joiner = createJoiner({
  curated: [{ id: "hotjar", name: "Hotjar" }],
  imported,
  source,
  vendorForHost: (host) => hosts[host] ?? hosts[host.split(".").slice(1).join(".")],
});
const row = (platform: string, controller = "", domain = ""): OcdRow => ({ id: "x", platform, category: "marketing", name: "c", prefix: false, domain, description: "", retention: "", controller });

describe("joining Open Cookie Database rows to vendors", () => {
  it("should compare names without case, spaces or punctuation", () => {
    expect(nameKey("Google-Analytics ")).toBe(nameKey("google analytics"));
  });

  it("should read the host names in a Domain cell", () => {
    expect(domainsIn(".bing.com (3rd party) or .microsoft.com (3rd party)")).toEqual(["bing.com", "microsoft.com"]);
    expect(domainsIn("Inspectlet.com (3rd party)")).toEqual(["inspectlet.com"]);
    expect(domainsIn("")).toEqual([]);
    expect(domainsIn("localStorage")).toEqual([]);
  });

  it("should join on a curated name first, then a tracker's name, then a company's only tracker", () => {
    expect(joiner.join(row("HotJar"))).toEqual({ id: "hotjar", rule: "platform-curated" });
    expect(joiner.join(row("Acme-Ads"))).toEqual({ id: "acme-ads", rule: "platform-tracker" });
    expect(joiner.join(row("Solo Inc"))).toEqual({ id: "solo", rule: "platform-company" });
  });

  it("should not guess between two vendors of one name or one company", () => {
    expect(joiner.join(row("Twin"))).toBeUndefined();
    expect(joiner.join(row("Big Group"))).toBeUndefined();
  });

  it("should join on the cookie's domain only when the row's controller runs that domain's tracker", () => {
    expect(joiner.join(row("Big Platform", "Big Group", ".x.big-two.test (3rd party)"))).toEqual({ id: "big-two", rule: "domain" });
    expect(joiner.join(row("Big Platform", "Acme Corp", "big-two.test"))).toBeUndefined();
    expect(joiner.join(row("Big Platform", "", "big-two.test"))).toBeUndefined();
  });
});
