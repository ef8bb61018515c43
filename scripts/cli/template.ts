/**
 * The policy `consentry init` writes: every required field, a note (`$comment`)
 * on each part saying what to decide, and a catch-all route in `report-only`
 * mode, so the first deployment logs what it would do and breaks nothing (no
 * login or cart cookie removed) until the owner switches it to `enforce`.
 */
import type { PolicyInput } from "../../src/policy/schema.ts";

export interface TemplateInput {
  id: string;
  name: string;
  /** The site's host names (each covers its subdomains); may be empty. */
  hosts: string[];
  /** The site's address, for the links to its cookie and privacy policies. */
  origin: string;
}

/** A kebab-case id from a host: `www.example.com` → `example`, `shop.example.co.uk` → `example`, `127.0.0.1` → `127-0-0-1`. */
export function idFromHost(host: string): string {
  const bare = host.toLowerCase().replace(/^www\./, "");
  const labels = bare.split(".");
  // An IP address or a one-label host keeps all of it; else the label before the suffix.
  const chosen = /^\d+(?:\.\d+){3}$/.test(bare) || labels.length === 1 ? bare : labels.length > 2 && labels.at(-2)!.length <= 3 ? labels.at(-3)! : labels.at(-2)!;
  return chosen.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "site";
}

export function nameFromId(id: string): string {
  return id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
}

export function templatePolicy({ id, name, hosts, origin }: TemplateInput): PolicyInput {
  return {
    $schema: "./schema.json",
    $comment:
      `Written by consentry init. The file name and "id" must agree (policies/${id}.json). ` +
      "Check it with `npx consentry check`; see what your site sets with `npx consentry scan <url>`. " +
      "Every route starts in report-only mode: Consentry logs what it would remove and removes nothing. " +
      "Switch routes[0].mode to \"enforce\" once the logs (`wrangler tail`, report-only lines) show nothing the site needs is refused.",
    id,
    name,
    revision: 1,
    hosts,
    links: { cookiePolicy: `${origin}/cookie-policy`, privacyPolicy: `${origin}/privacy` },
    categories: [
      {
        $comment: "Required: the site does not work without these (sessions, carts, CSRF, load balancing). No consent is asked.",
        id: "necessary",
        label: "Strictly necessary",
        description: "Sign-in, security, your basket and the site's basic functions. The site does not work without them.",
        required: true,
      },
      {
        id: "functional",
        label: "Functional",
        description: "Remember your preferences, such as language and layout.",
      },
      {
        id: "analytics",
        label: "Analytics",
        description: "Measure how the site is used, so we can improve it.",
      },
      {
        $comment: "Set \"forbidden\": true if the site uses no advertising at all.",
        id: "marketing",
        label: "Marketing",
        description: "Advertising and measuring advertising, by us and our partners.",
      },
    ],
    cookies: [],
    vendors: [],
    jurisdictions: {
      $comment: "Opt-in in the EEA, the UK and Switzerland (ePrivacy, GDPR); opt-out elsewhere. Countries Consentry cannot place get the strictest regime used.",
      rules: [{ regions: ["EEA_UK_CH"], regime: "opt-in" }],
      default: "opt-out",
    },
    gpc: { optOut: ["analytics", "marketing"] },
    unknownCookies: "block",
    routes: [
      {
        $comment: "Start here: report-only logs what enforce would do. Change to \"enforce\" when the policy is complete.",
        pattern: "/*",
        mode: "report-only",
      },
    ],
  };
}
