/**
 * Region groups a policy may name in `jurisdictions.rules[].regions`.
 * Kept here because `request.cf.isEUCountry` covers the EU only, not the EEA,
 * the UK or Switzerland, whose cookie rules (ePrivacy, PECR, revFADP) also apply.
 */

/** The 27 EU member states (ISO 3166-1 alpha-2; Greece is GR). */
const EU = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;

/** EEA = EU + Iceland, Liechtenstein, Norway. */
const EEA = [...EU, "IS", "LI", "NO"] as const;

export const REGION_GROUPS = {
  EU,
  EEA,
  /** Where prior consent for non-essential cookies is the rule in Europe. */
  EEA_UK_CH: [...EEA, "GB", "CH"],
} as const satisfies Record<string, readonly string[]>;

export type RegionGroup = keyof typeof REGION_GROUPS;

/**
 * Codes Cloudflare uses for "no country": `XX` (unknown), `T1` (Tor).
 * A visitor from one of these gets the policy's strictest regime.
 */
export const UNKNOWN_COUNTRIES: ReadonlySet<string> = new Set(["XX", "T1", ""]);
