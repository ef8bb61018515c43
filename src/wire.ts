/**
 * The formats the Worker and the browser code share: the guard's configuration,
 * the consent endpoint's answer, the markup of dormant elements and the names of
 * log events. Both sides import these types (src/client/ is compiled with them),
 * so a field renamed on one side is a type error on the other.
 */

/** Cookie (or storage key) rules: `allow` (only matching names pass) or `block` (matching names are dropped). */
export interface NameRules {
  m: "allow" | "block";
  /** Exact names. */
  n: string[];
  /** Anchored regular-expression sources. */
  p: string[];
}

/** What the guard needs on one page (inlined as JSON, so short keys). */
export interface GuardConfig {
  /**
   * Hosts this page's allowlist admits besides the page itself, space-separated,
   * each covering its subdomains (the CSP lists the same); null when the allowlist
   * is open (unclassified hosts allowed), and `b` names what to refuse instead.
   */
  h: string | null;
  /** With an open allowlist only: refused hosts of known vendors, space-separated. */
  b: string;
  /** Cookie rules for `document.cookie` and `cookieStore` writes. */
  c: NameRules;
  /** The consent endpoint. */
  e: string;
  /** Allowed categories. */
  a: string[];
}

/** The consent endpoint's JSON answer, read by the guard to apply a choice in place. */
export interface ConsentAnswer {
  receipt: string;
  granted: string[];
  refused: string[];
  /** Vendors granted one by one. */
  vendors: string[];
  allowed: string[];
  /** The new allowlist (GuardConfig.h): when it admits hosts the page's CSP refused, the page must reload. */
  hosts: string | null;
  cookies: NameRules;
  /** Google Consent Mode v2 state for the new decision. */
  consentMode: Record<string, "granted" | "denied">;
}

/**
 * Dormant markup, shared with open-source consent managers (`type="text/plain"
 * data-category="…"`, sources moved to `data-<attribute>`), plus Consentry's own marks.
 */
export const DORMANT = {
  /** Category of a dormant element (`unknown` when nobody classified its host). */
  category: "data-category",
  /** Vendor id of a dormant element, `~route` for route-refused, `~` for unclassified. */
  vendor: "data-consentry",
  /** A dormant frame was hidden by Consentry (and is shown again on revival). */
  hidden: "data-consentry-hidden",
  /** The stand-in shown in place of a dormant frame. */
  placeholder: "data-consentry-placeholder",
  /** The original `type` of a dormant script. */
  type: "data-type",
} as const;

/** `consentry` field of every structured log line. */
export type LogEvent =
  | "report-only"
  | "cookie-expired"
  | "refused"
  | "csp-violation"
  | "storage-reported"
  | "enforcement-error"
  | "origin-unreachable"
  | "misconfigured"
  | "no-policy"
  | "receipt-unstored"
  | "receipt-retry"
  | "error";
