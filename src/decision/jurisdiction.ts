/**
 * Where the visitor is, from `request.cf` (country, regionCode) or from the
 * `COUNTRY_OVERRIDE` variable (`DE`, `US-CA`), and which regime that gives.
 */
import type { CompiledPolicy } from "../policy/compile.ts";
import type { Regime } from "../policy/schema.ts";
import { REGION_GROUPS, UNKNOWN_COUNTRIES, type RegionGroup } from "./regions.ts";
import { SUBDIVISION_GROUPS, inSubdivisionGroup, type SubdivisionGroup } from "./us-states.ts";

export interface Jurisdiction {
  /** ISO 3166-1 alpha-2, or null when unknown (no cf, `XX`, Tor's `T1`). */
  country: string | null;
  /** ISO 3166-2 subdivision code without the country (`CA`), or null. */
  region: string | null;
  source: "override" | "cf" | "unknown";
}

interface CfLocation {
  country?: unknown;
  regionCode?: unknown;
}

const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z0-9]{1,3}$/;

export function resolveJurisdiction(cf: CfLocation | undefined, override: string | undefined): Jurisdiction {
  if (override !== undefined && override.trim() !== "") {
    const [country = "", region] = override.trim().toUpperCase().split("-", 2);
    if (COUNTRY.test(country) && !UNKNOWN_COUNTRIES.has(country)) {
      return { country, region: region !== undefined && REGION.test(region) ? region : null, source: "override" };
    }
    return { country: null, region: null, source: "override" };
  }
  const country = typeof cf?.country === "string" ? cf.country.toUpperCase() : "";
  if (!COUNTRY.test(country) || UNKNOWN_COUNTRIES.has(country)) return { country: null, region: null, source: "unknown" };
  const region = typeof cf?.regionCode === "string" && REGION.test(cf.regionCode.toUpperCase()) ? cf.regionCode.toUpperCase() : null;
  return { country, region, source: "cf" };
}

/** `DE`, `US-CA` or `unknown`: how logs and receipts name a jurisdiction. */
export function jurisdictionLabel(j: Jurisdiction): string {
  if (j.country === null) return "unknown";
  return j.region === null ? j.country : `${j.country}-${j.region}`;
}

/**
 * The most specific rule wins: one naming the visitor's subdivision (`US-CA`), then
 * a group of subdivisions the visitor's belongs to on this day (`US_OPT_OUT_SIGNALS`),
 * then one naming the country (`US`), then a group of countries (`EEA`); among
 * equals, the first. A known country no rule names gets the default; an unknown
 * one the strictest regime. `now` (Unix ms) dates the subdivision groups' members.
 */
export function regimeFor(policy: CompiledPolicy, j: Jurisdiction, now: number = Date.now()): Regime {
  const { country, region } = j;
  if (country === null) return policy.strictestRegime;
  const rules = policy.jurisdictions.rules;
  const find = (matches: (token: string) => boolean) => rules.find((rule) => rule.regions.some(matches))?.regime;
  const subdivision = region === null ? null : `${country}-${region}`;
  return (
    (subdivision === null ? undefined : find((token) => token === subdivision)) ??
    (subdivision === null ? undefined : find((token) => token in SUBDIVISION_GROUPS && inSubdivisionGroup(token as SubdivisionGroup, subdivision, now))) ??
    find((token) => token === country) ??
    find((token) => token in REGION_GROUPS && (REGION_GROUPS[token as RegionGroup] as readonly string[]).includes(country)) ??
    policy.jurisdictions.default
  );
}
