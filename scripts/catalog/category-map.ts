/**
 * How the sources' categories land in the catalog's own (necessary, functional,
 * analytics, marketing, security; null = a known tracker whose purpose nobody
 * has classified). A policy then maps the catalog's categories onto its own
 * (`catalogCategories`), and its rules always win over all of this.
 *
 * Where a choice was close, the stricter category wins: a wrong "marketing"
 * costs a visitor's click, a wrong "necessary" loads a tracker without consent.
 */
import type { CatalogCategory } from "../../src/catalog/catalog-format.ts";

/** AdGuard companiesdb tracker categories (`categories` in dist/trackers.json, documented in its README). */
export const ADGUARD_CATEGORIES = {
  // Ad networks, ad exchanges, retargeting, data brokers.
  advertising: "marketing",
  // Ads on adult sites: advertising all the same.
  pornvertising: "marketing",
  // Measurement of a site's own audience and usage.
  site_analytics: "analytics",
  // App measurement SDKs (Firebase, AppsFlyer) that also run on the web: measurement.
  mobile_analytics: "analytics",
  // Usage reporting from software to its vendor: measurement, not something a page needs.
  telemetry: "analytics",
  // Like buttons, share widgets, embedded posts: they set the network's cookies and follow the
  // visitor across sites, so consent managers (and the curated catalog: Instagram, X) put them under marketing.
  social_media: "marketing",
  // Embedded players (YouTube, Vimeo, Wistia) set tracking cookies on load; marketing is the
  // usual consent-manager choice, and the click-to-load placeholder makes it one click for the visitor.
  audio_video_player: "marketing",
  // Chat, support, survey and feedback widgets (Intercom, Zendesk, LiveChat): a service the
  // visitor uses, not tracking, so functional, as the curated catalog has them.
  customer_interaction: "functional",
  // Comment systems (Disqus): a feature of the page the visitor chooses to use.
  comments: "functional",
  // Webmail and email clients' hosts (images and links in mail): a service, not tracking.
  email: "functional",
  // Content delivery networks: the page's own files come from them.
  cdn: "necessary",
  // Hosting the site owner uses to serve the site.
  hosting: "necessary",
  // AdGuard: "tag managers, privacy notices, and technologies critical to the functionality of a website".
  essential: "necessary",
  // Consent management platforms: they must run before any choice to ask for one.
  consent: "necessary",
  // "Does not fit in other categories" (operating systems, big sites, app back ends): a known
  // tracker of unknown purpose, refused until a policy classifies it, and still named in reports.
  misc: null,
  // "Not labelled yet": the same.
  unknown: null,
  // Browser extensions' back ends: no page embeds them on purpose; the same.
  extensions: null,
} as const satisfies Record<string, CatalogCategory | null>;

/** Open Cookie Database cookie categories (its `Category` column). */
export const OCD_CATEGORIES = {
  // OCD's README: "Functional (also known as technical, essential or strictly necessary)": sessions,
  // load balancing, consent state; the ePrivacy exemption, not a convenience feature.
  Functional: "necessary",
  // Also used by a few rows for the same meaning.
  Necessary: "necessary",
  // OCD's README: "Personalization (also known as preferences)": the catalog's functional category.
  Personalization: "functional",
  Analytics: "analytics",
  Marketing: "marketing",
  // CSRF tokens and fraud prevention: a category of its own, which policies map (by default onto necessary).
  Security: "security",
} as const satisfies Record<string, CatalogCategory>;

export type AdguardCategory = keyof typeof ADGUARD_CATEGORIES;
export type OcdCategory = keyof typeof OCD_CATEGORIES;

export function mapAdguardCategory(name: string): CatalogCategory | null {
  if (!Object.hasOwn(ADGUARD_CATEGORIES, name)) throw new Error(`companiesdb: unknown tracker category "${name}": add it to scripts/catalog/category-map.ts`);
  return ADGUARD_CATEGORIES[name as AdguardCategory];
}

export function mapOcdCategory(name: string): CatalogCategory {
  if (!Object.hasOwn(OCD_CATEGORIES, name)) throw new Error(`Open Cookie Database: unknown category "${name}": add it to scripts/catalog/category-map.ts`);
  return OCD_CATEGORIES[name as OcdCategory];
}
