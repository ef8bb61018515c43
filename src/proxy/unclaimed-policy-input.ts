/**
 * The built-in policy for a host no policy claims, as written; the build
 * validates it with every other policy and bundles the result
 * (src/generated/policies.ts, used by src/proxy/unclaimed-policy.ts).
 */
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
