/**
 * What the banner, the settings page and the cookie declaration show, as plain
 * data: one entry per category with its state for this visitor, the vendors the
 * policy names and the cookies it declares. Pure: rendering lives elsewhere.
 */
import type { Decision } from "../decision/decide.ts";
import type { Locale } from "../i18n/negotiate.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { Category } from "../policy/schema.ts";
import { cookieLabels } from "./cookie-label.ts";

export type ToggleState =
  /** The site needs it: shown as always on, no control. */
  | "required"
  /** The policy never uses it: shown as not used, no control. */
  | "forbidden"
  | "on"
  | "off";

export interface CookieRow {
  name: string;
  vendor: string | null;
  /** The vendor's privacy policy. */
  privacyPolicy?: string | undefined;
  purpose: string | null;
  /** How long it lives ("2 years", "session"): the policy's word, else the catalog's. */
  retention: string | null;
  /** Cookie domains the policy declares for it; empty: the site's own host. */
  domains: readonly string[];
}

/**
 * What the catalog says about a name the declaration shows: exact, else by prefix
 * (`_ga_*` is looked up as `_ga_`, which the Open Cookie Database lists as a prefix).
 */
function catalogFacts(policy: CompiledPolicy, name: string): { purpose: string | null; retention: string | null } {
  const info = policy.cookieInfo(name.endsWith("*") ? name.slice(0, -1) : name);
  return { purpose: info?.purpose ?? null, retention: info?.retention ?? null };
}

export interface CategoryView {
  id: string;
  label: string;
  description: string;
  state: ToggleState;
  /** Off because the browser sent Global Privacy Control. */
  gpc: boolean;
  vendors: readonly { id: string; name: string; privacyPolicy: string | undefined }[];
  /** The vendors of this category the visitor allowed one by one. */
  grantedVendors: readonly string[];
  cookies: readonly CookieRow[];
}

/** Per policy, the vendors and cookies of each category: they do not depend on the visitor. */
const listings = new WeakMap<CompiledPolicy, Map<string, Pick<CategoryView, "vendors" | "cookies">>>();

function listing(policy: CompiledPolicy): Map<string, Pick<CategoryView, "vendors" | "cookies">> {
  let byCategory = listings.get(policy);
  if (byCategory !== undefined) return byCategory;
  byCategory = new Map();
  for (const category of policy.categories) {
    const vendors = policy.vendors.filter((v) => v.declared && v.category === category.id);
    const cookies: CookieRow[] = [];
    const add = (row: CookieRow) => {
      if (!cookies.some((c) => c.name === row.name)) cookies.push(row);
    };
    for (const rule of policy.declaredCookies.filter((c) => c.category === category.id)) {
      const owner = rule.vendor === undefined ? undefined : policy.vendors.find((v) => v.id === rule.vendor);
      const vendor = rule.vendor === undefined ? null : (owner?.name ?? rule.vendor);
      for (const name of cookieLabels(rule)) {
        const known = catalogFacts(policy, name);
        add({ name, vendor, privacyPolicy: owner?.privacyPolicy, purpose: rule.purpose ?? known.purpose, retention: rule.retention ?? known.retention, domains: rule.domains });
      }
    }
    for (const vendor of vendors) {
      for (const match of vendor.cookies) {
        for (const name of cookieLabels(match)) {
          const known = catalogFacts(policy, name);
          add({ name, vendor: vendor.name, privacyPolicy: vendor.privacyPolicy, purpose: match.purpose ?? known.purpose, retention: match.retention ?? known.retention, domains: [] });
        }
      }
    }
    byCategory.set(category.id, { vendors: vendors.map(({ id, name, privacyPolicy }) => ({ id, name, privacyPolicy })), cookies });
  }
  listings.set(policy, byCategory);
  return byCategory;
}

/** A category's label and description in the visitor's language, each falling back to the policy's own on its own. */
export function categoryText(category: Category, locale: Locale | undefined): { label: string; description: string } {
  const own = locale === undefined ? undefined : category.texts[locale];
  return { label: own?.label ?? category.label, description: own?.description ?? category.description };
}

/**
 * Toggles reflect the decision: under opt-in with no choice every optional one is
 * off (no pre-ticked boxes, CJEU C-673/17 Planet49); with a choice, what was chosen;
 * under opt-out, what is on now; a GPC opt-out shows off and says why.
 */
export function categoryViews(policy: CompiledPolicy, decision: Decision, locale?: Locale): CategoryView[] {
  const byCategory = listing(policy);
  return policy.categories.map((category) => {
    const verdict = decision.categories[category.id];
    const state: ToggleState = category.required ? "required" : category.forbidden ? "forbidden" : verdict?.allowed ? "on" : "off";
    return {
      id: category.id,
      ...categoryText(category, locale),
      state,
      gpc: verdict?.reason === "gpc",
      ...byCategory.get(category.id)!,
      grantedVendors: byCategory.get(category.id)!.vendors.filter((v) => decision.vendorGrants.has(v.id)).map((v) => v.id),
    };
  });
}
