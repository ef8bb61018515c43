/**
 * The policy for a host that no policy claims (no `hosts` entry covers it and
 * `POLICY` is unset). Consentry must not fail open there: the host is served
 * required-only under this built-in policy, built from the vendor catalog, so
 * the catalog's trackers are neutralised in the HTML and only cookies of its
 * `necessary` vendors pass; the site's own cookies, which no policy declares,
 * are blocked as unknown. The proxy logs every such request as an error: it is
 * a configuration to fix, not a way to run.
 */
import vendors from "../catalog/vendors.json" with { type: "json" };
import { loadCatalog } from "../policy/load.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { loadPolicy } from "../policy/load.ts";
import type { PolicyInput } from "../policy/schema.ts";

export const UNCLAIMED_POLICY: PolicyInput = {
  id: "unclaimed",
  name: "This site",
  revision: 1,
  links: { cookiePolicy: "https://consentry.invalid/no-policy-claims-this-host" },
  categories: [
    { id: "necessary", label: "Strictly necessary", description: "Needed for the site to work.", required: true },
    { id: "functional", label: "Functional", description: "Preferences." },
    { id: "analytics", label: "Analytics", description: "Measurement." },
    { id: "marketing", label: "Marketing", description: "Advertising." },
  ],
  jurisdictions: { default: "opt-in" },
  unknownCookies: "block",
  banner: { settingsButton: "off" },
};

let built: CompiledPolicy | undefined;

/** Compiled on first use: a correctly configured Worker never pays for it. */
export function unclaimedPolicy(): CompiledPolicy {
  built ??= loadPolicy("consentry/unclaimed.json", UNCLAIMED_POLICY, loadCatalog("src/catalog/vendors.json", vendors));
  return built;
}
