/**
 * The policy file format. Every hand-written object is strict, so a typo such as
 * `"catagory"` is an error naming the file and the path, not a silently ignored key.
 * Types are derived from the schema (`z.output` / `z.input`), never written twice;
 * `npm run schema` turns this file into `policies/schema.json` for editor completion.
 */
import { z } from "zod";
import { CATALOG_CATEGORIES } from "../catalog/catalog-format.ts";
import { REGION_GROUPS } from "../decision/regions.ts";
import { SUBDIVISION_GROUPS } from "../decision/us-states.ts";
import { en } from "../i18n/locales/en.ts";
import { BASE_COLOURS } from "../banner/brand-style.ts";
import { contrastRatio, WCAG_AA_TEXT } from "../banner/contrast.ts";
import { ALL_LOCALES } from "../i18n/negotiate.ts";

/** A note for the people who edit the file (JSON Schema's `$comment`); Consentry ignores it. `consentry init` writes them. */
const comment = z.string().max(2000).optional();

const categoryId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, "must be lower-case letters, digits or _, starting with a letter (at most 32)");

export const vendorIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case: lower-case letters and digits joined by -");

/** A host with no scheme, path, port or wildcard; it matches itself and every subdomain. */
export const hostSchema = z
  .string()
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    "must be a lower-case host name such as example.com (no scheme, path, port or *); it also covers subdomains",
  );

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A cookie is named exactly (`name`) or by an anchored regular expression (`pattern`). */
export const cookieMatchSchema = z
  .strictObject({
    name: z.string().min(1).regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, "is not a valid cookie name (RFC 6265 token)").optional(),
    pattern: z
      .string()
      .refine(compiles, "is not a valid regular expression")
      .refine((s) => s.startsWith("^") && s.endsWith("$"), "must be anchored with ^ and $")
      .optional(),
  })
  .refine((c) => (c.name === undefined) !== (c.pattern === undefined), {
    message: "give exactly one of name or pattern",
  });

/**
 * Storage on the device beyond cookies (ePrivacy Art. 5(3) covers any): a
 * `localStorage` or `sessionStorage` key, or an IndexedDB database name, named
 * exactly or by an anchored pattern. The client guard governs them with the
 * cookie rules: cookie names double as keys (the Open Cookie Database lists
 * "data keys" beside cookies, and vendors use the same names for both).
 */
export const storageRuleSchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    pattern: cookieMatchSchema.shape.pattern,
    category: categoryId,
    /** Shown in the cookie declaration. */
    purpose: z.string().max(300).optional(),
  })
  .refine((c) => (c.name === undefined) !== (c.pattern === undefined), {
    message: "give exactly one of name or pattern",
  });

export const categorySchema = z.strictObject({
  $comment: comment,
  id: categoryId,
  label: z.string().min(1).max(80),
  description: z.string().min(1).max(600),
  /** Always allowed: the site does not work without it (ePrivacy Art. 5(3) exemption). */
  required: z.boolean().default(false),
  /** Never allowed, whatever the visitor chooses ("we use no marketing cookies"). */
  forbidden: z.boolean().default(false),
  /** Needs an opt-in in every jurisdiction, even where the regime is opt-out or notice. */
  alwaysOptIn: z.boolean().default(false),
  /**
   * The label and description in other languages (`{"de": {"label": "Werbung"}}`);
   * a visitor whose language has none reads `label` and `description`.
   */
  texts: z
    .partialRecord(z.enum(ALL_LOCALES), z.strictObject({ label: z.string().min(1).max(80).optional(), description: z.string().min(1).max(600).optional() }))
    .default({}),
});

export const cookieRuleSchema = z
  .strictObject({
    $comment: comment,
    name: cookieMatchSchema.shape.name,
    pattern: cookieMatchSchema.shape.pattern,
    category: categoryId,
    /** Shown in the cookie declaration. */
    purpose: z.string().max(300).optional(),
    /** How long it lives, for the declaration (`session`, `1 year`); unset, the catalog's retention is shown. */
    retention: z.string().min(1).max(60).optional(),
    /** Which vendor sets it, for the declaration (an id from `vendors` or the catalog). */
    vendor: vendorIdSchema.optional(),
    /** Domains the cookie may be set on, so expiring it reaches every copy. Host-only when empty. */
    domains: z.array(z.string().regex(/^\.?[a-z0-9.-]+$/, "must be a cookie domain such as .example.com")).default([]),
    /** Paths the cookie may be set on. */
    paths: z.array(z.string().startsWith("/")).default(["/"]),
  })
  .refine((c) => (c.name === undefined) !== (c.pattern === undefined), {
    message: "give exactly one of name or pattern",
  });

export const vendorRuleSchema = z.strictObject({
  $comment: comment,
  /** A catalog id (then name, hosts and cookies come from the catalog) or a vendor of the policy's own. */
  id: vendorIdSchema,
  name: z.string().min(1).optional(),
  /** Overrides the catalog's category. Required for a vendor that is not in the catalog. */
  category: categoryId.optional(),
  /** Extra hosts beyond the catalog's. */
  hosts: z.array(hostSchema).default([]),
  /** Extra cookies beyond the catalog's. */
  cookies: z.array(cookieMatchSchema).default([]),
  /**
   * `everywhere`: allowed wherever its category is. `routes`: only on routes whose
   * `vendors.allow` names it (Stripe only on the billing pages).
   */
  scope: z.enum(["everywhere", "routes"]).default("everywhere"),
  privacyPolicy: z.url({ protocol: /^https$/ }).optional(),
});

export const consentModeSignalSchema = z.enum([
  "ad_storage",
  "ad_user_data",
  "ad_personalization",
  "analytics_storage",
  "functionality_storage",
  "personalization_storage",
  "security_storage",
]);

export const regimeSchema = z.enum(["opt-in", "opt-out", "notice"]);

/** `DE`, `US-CA` (ISO 3166-2), or a group such as `EEA` or `US_OPT_OUT_SIGNALS` (src/decision/us-states.ts). */
export const regionTokenSchema = z.union([
  z.enum(Object.keys(REGION_GROUPS) as [keyof typeof REGION_GROUPS, ...(keyof typeof REGION_GROUPS)[]]),
  z.enum(Object.keys(SUBDIVISION_GROUPS) as [keyof typeof SUBDIVISION_GROUPS, ...(keyof typeof SUBDIVISION_GROUPS)[]]),
  z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, "must be a country (DE), a subdivision (US-CA) or a group (EEA, EU)"),
]);

export const jurisdictionRuleSchema = z.strictObject({
  regions: z.array(regionTokenSchema).min(1),
  regime: regimeSchema,
});

export const routeRuleSchema = z.strictObject({
  $comment: comment,
  /**
   * A URLPattern: a path (`/billing/*`) or a whole URL pattern (`https://app.example.com/*`).
   * Rules are tried in order; the first match wins.
   */
  pattern: z.string().min(1),
  mode: z.enum(["enforce", "report-only", "off"]).default("enforce"),
  vendors: z
    .strictObject({
      /** Vendors allowed here even when their scope is `routes`. */
      allow: z.array(vendorIdSchema).default([]),
      /** Vendors removed here whatever the visitor chose. */
      deny: z.array(vendorIdSchema).default([]),
    })
    .default({ allow: [], deny: [] }),
  banner: z.boolean().default(true),
});

/** Any banner text, per language, replacing Consentry's own. Plain text, escaped when shown. */
const textsSchema = z.strictObject(
  Object.fromEntries(Object.keys(en).map((key) => [key, z.string().min(1).max(1000).optional()])) as Record<keyof typeof en, z.ZodOptional<z.ZodString>>,
);

const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, "must be a colour as #rgb or #rrggbb");
/** One family name: quoted, or bare words (CSS Fonts 4 §2.1). */
const FAMILY = String.raw`(?:"[\w .-]+"|'[\w .-]+'|[A-Za-z_-][\w -]*)`;

/** Same-origin path (`/logo.svg`, not `//host`) or an https: URL. */
function isLogoUrl(value: string): boolean {
  if (/^\/(?![/\\])[^\s"'<>\\]*$/.test(value)) return true;
  return URL.canParse(value) && new URL(value).protocol === "https:" && !/[\s"'<>\\]/.test(value);
}

/**
 * The banner in the site's colours, font, corner radius and position, with its
 * logo. Colours replace Consentry's light and dark palettes alike, so text and
 * accent must each keep WCAG AA contrast (4.5:1) against the background.
 */
export const brandSchema = z
  .strictObject({
    colors: z
      .strictObject({
        /** Links, the second layer's summary, checkboxes and the focus ring. */
        accent: hexColour.optional(),
        background: hexColour.optional(),
        /** Text, and the buttons (text-coloured, with the background's colour on them). */
        text: hexColour.optional(),
      })
      .optional(),
    /** A CSS font-family list: `"Inter", system-ui, sans-serif`. */
    font: z
      .string()
      .max(200)
      .regex(new RegExp(`^${FAMILY}(?:\\s*,\\s*${FAMILY})*$`), "must be a CSS font-family list such as \"Inter\", system-ui, sans-serif")
      .optional(),
    /** Corner radius of the banner and its buttons, in pixels. */
    radius: z.number().int().min(0).max(32).optional(),
    /** `bottom` (fixed over the page's foot) or `top` (at the head of the page, scrolling with it until it sticks). */
    position: z.enum(["bottom", "top"]).default("bottom"),
    /** A logo above the banner's title: a path on the site (`/logo.svg`) or an https: URL on one of the policy's hosts. */
    logo: z.string().max(2048).refine(isLogoUrl, "must be a path on the site (/logo.svg) or an https: URL").optional(),
  })
  .superRefine((brand, ctx) => {
    const c = brand.colors;
    if (c === undefined) return;
    // Missing colours take Consentry's light palette (src/banner/brand-style.ts).
    const background = c.background ?? BASE_COLOURS.background;
    for (const key of ["text", "accent"] as const) {
      const colour = c[key] ?? BASE_COLOURS[key];
      if (!/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(colour) || !/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(background)) continue;
      const ratio = contrastRatio(colour, background);
      if (ratio < WCAG_AA_TEXT) {
        ctx.addIssue({
          code: "custom",
          path: ["colors", c[key] === undefined ? "background" : key],
          message: `${key} ${colour} on background ${background} has a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 WCAG AA asks for text (WCAG 2.2 §1.4.3)`,
        });
      }
    }
  });

export const bannerSchema = z.strictObject({
  /** Where the persistent "Cookie settings" control sits; `off` when the site links to the settings page itself. */
  settingsButton: z.enum(["bottom-left", "bottom-right", "off"]).default("bottom-left"),
  /**
   * The site's own "Cookie settings" links (paths, e.g. `/user/cookie-settings`): Consentry
   * serves its settings page there instead of the origin's.
   */
  settingsPaths: z.array(z.string().regex(/^\/[^\s?#]*$/, "must be a path such as /cookie-settings")).default([]),
  /** Language when Accept-Language names none of ours. */
  defaultLocale: z.enum(ALL_LOCALES).default("en"),
  texts: z.partialRecord(z.enum(ALL_LOCALES), textsSchema).default({}),
  /**
   * Under an opt-out regime, the link to opt out of the sale and sharing of personal
   * information with the standard opt-out icon (11 CCR §§7013, 7015): "Your Privacy
   * Choices" (the default), "Do Not Sell or Share My Personal Information", or `off`
   * when the site shows its own. It replaces the "Cookie settings" control there.
   */
  optOutLink: z.enum(["your-privacy-choices", "do-not-sell-or-share", "off"]).default("your-privacy-choices"),
  /**
   * The second layer shows a switch per vendor under each optional category, so a
   * visitor can allow one vendor without its whole category (stored in the consent
   * cookie, recorded in the receipt). Off by default: a short second layer.
   */
  vendorSwitches: z.boolean().default(false),
  /** The site's colours, font, corner radius, position and logo (absent: Consentry's own look, light and dark). */
  brand: brandSchema.optional(),
});

const thirdPartyAction = z.enum(["block", "allow"]);

/**
 * Third parties and the allowlist the browser enforces (a Content-Security-Policy
 * built per visitor from the decision, src/allowlist/).
 */
export const thirdPartiesSchema = z.strictObject({
  /**
   * Hosts that no rule of the policy and no catalog entry names, per regime. `block`
   * (the default): refused and reported, so the owner can classify them. `allow`:
   * loaded; a CSP cannot list hosts nobody knows, so under `allow` the browser
   * enforces no allowlist for that regime and only rewriting and the guard act.
   */
  unclassified: z
    .strictObject({ "opt-in": thirdPartyAction.default("block"), "opt-out": thirdPartyAction.default("block"), notice: thirdPartyAction.default("block") })
    .default({ "opt-in": "block", "opt-out": "block", notice: "block" }),
  /**
   * Vendors of the curated catalog that the policy does not name: `by-category` loads
   * them when their category is allowed; `declared-only` loads only the vendors the
   * policy names (and shows the visitor). Imported catalog entries (thousands of
   * trackers) are always declared-only: they name what they refuse.
   */
  undeclared: z.enum(["by-category", "declared-only"]).default("by-category"),
  /** `enforce`: a Content-Security-Policy header; `report-only`: Content-Security-Policy-Report-Only, for a rollout; `off`: none. */
  csp: z.enum(["enforce", "report-only", "off"]).default("enforce"),
});

/** The catalog's categories (src/catalog/catalog-format.ts). */
const catalogCategory = z.enum(CATALOG_CATEGORIES);

export const policySchema = z.strictObject({
  $schema: z.string().optional(),
  $comment: comment,
  /** Equal to the file name without `.json`. */
  id: vendorIdSchema,
  name: z.string().min(1).max(80),
  /** Raise it when the policy changes materially: every visitor is asked again. */
  revision: z.number().int().min(1).max(1_000_000),
  /** Host names this policy governs (each also covers its subdomains). */
  hosts: z.array(hostSchema).default([]),
  links: z.strictObject({
    cookiePolicy: z.url(),
    privacyPolicy: z.url().optional(),
  }),
  categories: z.array(categorySchema).min(1),
  /**
   * Where the catalog's categories land in this policy's own. Unset, each goes to the
   * category of the same id; `security` (CSRF tokens, fraud prevention) goes to the
   * policy's `security` category if it has one, else wherever `necessary` goes.
   */
  catalogCategories: z
    .strictObject({
      necessary: categoryId,
      functional: categoryId,
      analytics: categoryId,
      marketing: categoryId,
      security: categoryId,
    })
    .partial()
    .default({}),
  cookies: z.array(cookieRuleSchema).default([]),
  /** Storage keys and IndexedDB names beyond the cookies' own names. */
  storage: z.array(storageRuleSchema).default([]),
  vendors: z.array(vendorRuleSchema).default([]),
  jurisdictions: z.strictObject({
    $comment: comment,
    rules: z.array(jurisdictionRuleSchema).default([]),
    /** The regime of a known country no rule names. Unknown countries get the strictest regime in use. */
    default: regimeSchema,
  }),
  /** Global Privacy Control (`Sec-GPC: 1`). GPC spec §3; 11 CCR §7025. */
  gpc: z
    .strictObject({
      optOut: z.array(categoryId).default([]),
      /** `lastUpdate` of /.well-known/gpc.json (GPC spec §4): when the site's GPC support last changed. */
      lastUpdate: z.iso.date().optional(),
    })
    .default({ optOut: [] }),
  /** Do Not Track (`DNT: 1`). */
  dnt: z
    .strictObject({
      optOut: z.array(categoryId).default([]),
    })
    .default({ optOut: [] }),
  consent: z
    .strictObject({
      cookieName: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).default("consentry"),
      /** CNIL: keep the choice about six months. */
      lifetimeDays: z.number().int().min(1).max(395).default(182),
      /** Share the choice across subdomains, e.g. `.example.com`. */
      domain: z.string().regex(/^\.?[a-z0-9.-]+$/).optional(),
    })
    .default({ cookieName: "consentry", lifetimeDays: 182 }),
  /** Cookies that no rule, vendor or catalog entry names. Always reported. */
  unknownCookies: z.enum(["block", "allow"]).default("block"),
  thirdParties: thirdPartiesSchema.default({ unclassified: { "opt-in": "block", "opt-out": "block", notice: "block" }, undeclared: "by-category", csp: "enforce" }),
  routes: z.array(routeRuleSchema).default([]),
  banner: bannerSchema.default({ settingsButton: "bottom-left", settingsPaths: [], defaultLocale: "en", texts: {}, optOutLink: "your-privacy-choices", vendorSwitches: false }),
  /**
   * Google Consent Mode v2: the categories each signal needs (granted when all are
   * allowed; an empty list is always granted). Unset signals follow the catalog
   * categories: ad_* → marketing, analytics_storage → analytics,
   * functionality/personalization_storage → functional, security_storage → always.
   */
  googleConsentMode: z.partialRecord(consentModeSignalSchema, z.array(categoryId)).default({}),
});

export type PolicyInput = z.input<typeof policySchema>;
export type Policy = z.output<typeof policySchema>;
export type Category = z.output<typeof categorySchema>;
export type CookieRule = z.output<typeof cookieRuleSchema>;
export type VendorRule = z.output<typeof vendorRuleSchema>;
export type Regime = z.output<typeof regimeSchema>;
export type RouteRule = z.output<typeof routeRuleSchema>;
export type Mode = RouteRule["mode"];
export type ConsentModeSignal = z.output<typeof consentModeSignalSchema>;
export type BannerOptions = z.output<typeof bannerSchema>;
export type ThirdParties = z.output<typeof thirdPartiesSchema>;
export type CatalogCategory = z.output<typeof catalogCategory>;
export { catalogCategory as catalogCategorySchema };
