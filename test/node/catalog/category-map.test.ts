/**
 * The category mapping, as the README and the import state it: every category
 * the sources use has a line, each line says what the catalog makes of it, and
 * the generated catalog carries it out.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADGUARD_CATEGORIES, mapAdguardCategory, mapOcdCategory, OCD_CATEGORIES } from "../../../scripts/catalog/category-map.ts";
import { readCompaniesdb, readOpenCookieDatabase } from "../../../scripts/catalog/sources.ts";
import { catalog } from "../../../src/catalog/lookup.ts";
import { toVendorId } from "../../../src/catalog/vendor-id.ts";

const trackersJson = readFileSync("data/companiesdb/trackers.json", "utf8");
const companiesJson = readFileSync("data/companiesdb/companies.json", "utf8");

describe("category mapping", () => {
  it("should map every companiesdb category as documented", () => {
    expect(ADGUARD_CATEGORIES).toEqual({
      advertising: "marketing",
      pornvertising: "marketing",
      site_analytics: "analytics",
      mobile_analytics: "analytics",
      telemetry: "analytics",
      social_media: "marketing",
      audio_video_player: "marketing",
      customer_interaction: "functional",
      comments: "functional",
      email: "functional",
      cdn: "necessary",
      hosting: "necessary",
      essential: "necessary",
      consent: "necessary",
      misc: null,
      unknown: null,
      extensions: null,
    });
    const used = Object.values((JSON.parse(trackersJson) as { categories: Record<string, string> }).categories);
    expect(Object.keys(ADGUARD_CATEGORIES).sort()).toEqual([...used].sort());
  });

  it("should map every Open Cookie Database category as documented", () => {
    expect(OCD_CATEGORIES).toEqual({ Functional: "necessary", Necessary: "necessary", Personalization: "functional", Analytics: "analytics", Marketing: "marketing", Security: "security" });
    const csv = readFileSync("data/open-cookie-database/open-cookie-database.csv", "utf8");
    const used = new Set(csv.split("\n").slice(1).map((line) => line.split(",")[2]).filter((c) => c !== undefined && c in OCD_CATEGORIES));
    expect(readOpenCookieDatabase(csv).length).toBeGreaterThan(2000);
    expect([...used].sort()).toEqual(Object.keys(OCD_CATEGORIES).sort());
  });

  it("should stop the import on a category it has no line for, naming the file to edit", () => {
    expect(() => mapAdguardCategory("crypto_mining")).toThrow(/unknown tracker category "crypto_mining".*category-map\.ts/);
    expect(() => mapOcdCategory("Preferences")).toThrow(/unknown category "Preferences".*category-map\.ts/);
    const bad = trackersJson.replace('"15": "telemetry"', '"15": "telemetry_v2"');
    expect(() => readCompaniesdb(bad, companiesJson)).toThrow(/telemetry_v2/);
  });

  it("should carry the mapping into the generated catalog, for a tracker of each category", () => {
    const source = readCompaniesdb(trackersJson, companiesJson);
    const checked = new Set<string>();
    for (const tracker of [...source.trackers.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      if (checked.has(tracker.sourceCategory)) continue;
      const vendor = catalog.imported.vendor(toVendorId(tracker.key));
      // Trackers dropped (no hosts left) or numbered apart from a namesake are not this tracker.
      if (vendor === undefined || vendor.name !== tracker.name) continue;
      expect(vendor.category, `${tracker.key} (${tracker.sourceCategory})`).toBe(ADGUARD_CATEGORIES[tracker.sourceCategory as keyof typeof ADGUARD_CATEGORIES]);
      checked.add(tracker.sourceCategory);
    }
    expect([...checked].sort()).toEqual(Object.keys(ADGUARD_CATEGORIES).sort());
  });
});
