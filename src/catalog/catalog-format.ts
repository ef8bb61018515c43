/**
 * The generated catalog's file format (src/catalog/generated/catalog.json),
 * shared by the import script that writes it and the lookups that read it.
 *
 * Thousands of entries are kept as a few long strings, one entry per line and
 * fields split by tabs, rather than as thousands of objects: the Worker parses
 * a handful of string literals when it starts and splits them only on the first
 * lookup that needs them, and gzip compresses the lines well.
 */

/** The catalog's own categories; a policy maps each onto one of its own (`catalogCategories`). */
export const CATALOG_CATEGORIES = ["necessary", "functional", "analytics", "marketing", "security"] as const;
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number];

/** One letter per category in the line formats; the empty string is a known tracker of unknown purpose. */
export const CATEGORY_CODES: Readonly<Record<CatalogCategory, string>> = { necessary: "n", functional: "f", analytics: "a", marketing: "m", security: "s" };

/** A cookie named exactly (`name`) or by an anchored regular expression (`pattern`). */
export interface CookieMatch {
  name?: string | undefined;
  pattern?: string | undefined;
  /** What the cookie is for, for the cookie declaration (Open Cookie Database's description unless written by hand). */
  purpose?: string | undefined;
  /** How long it lives, as the source says it ("2 years", "session"). */
  retention?: string | undefined;
}

/** A hand-written vendor (src/catalog/vendors.json), its cookies completed from the Open Cookie Database. */
export interface CuratedVendor {
  id: string;
  name: string;
  category: CatalogCategory;
  hosts: readonly string[];
  cookies: readonly CookieMatch[];
  /** Case-sensitive substrings that identify the vendor's official inline snippet. */
  inline: readonly string[];
  privacyPolicy: string;
  /** A Google tag (gtag.js, Tag Manager, Ads, Floodlight, AdSense): it reads Consent Mode signals. */
  googleTag?: boolean | undefined;
}

export interface CatalogData {
  version: 1;
  /** Where the data comes from and under which licences (src/catalog/generated/NOTICE). */
  notice: string;
  /** The curated vendors, sorted by id. */
  curated: CuratedVendor[];
  /**
   * Imported vendors sorted by id, one per line: `name \t id \t category code \t hosts`.
   * The id is left empty when it is the name normalised (`toVendorId`); hosts are
   * space-separated, each covering its subdomains.
   */
  vendors: string;
  /**
   * Imported cookies grouped by platform, one string per group: the first line is
   * `platform \t vendor id` (the id empty when no vendor could be joined reliably),
   * then one line per cookie: `name \t kind \t category code \t retention \t purpose`,
   * kind `=` for an exact name and `*` for a prefix; retention and purpose may be empty.
   */
  cookies: string[];
}
