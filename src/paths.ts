/**
 * Paths Consentry answers itself instead of the origin. The prefix is unlikely to
 * clash with a site's own routes; `/.well-known/gpc.json` is fixed by the GPC spec §4.
 */
export const PATHS = {
  consent: "/_consentry/consent",
  settings: "/_consentry/settings",
  cookies: "/_consentry/cookies",
  receipt: "/_consentry/receipt",
  erase: "/_consentry/receipt/erase",
  gpc: "/.well-known/gpc.json",
  /** Where browsers report what the allowlist refused (CSP3 §5.5 report-uri, Reporting API report-to). */
  cspReport: "/_consentry/csp-report",
  /** Where the client guard reports storage names: those it refused and, where unknown names pass, those it let pass (src/client/guard.ts writes this path). */
  storageReport: "/_consentry/storage-report",
} as const;
