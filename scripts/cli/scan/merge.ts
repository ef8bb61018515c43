/**
 * `scan --write` and `init <url>`: what the policy does not cover, added to its
 * JSON for review. Each addition carries a `$comment` saying where it was seen
 * and what to decide. Nothing already in the file changes.
 *
 * Categories chosen for what nobody classified lean towards asking: a cookie
 * whose name says session, sign-in, CSRF or basket goes to the required category
 * (removing it would break the site), any other to `functional` (or the first
 * optional category), so the visitor is asked before it is set.
 */
import type { Catalog } from "../../../src/catalog/catalog.ts";
import type { PolicyInput } from "../../../src/policy/schema.ts";
import type { Classified } from "./classify.ts";
import { describeLifetime } from "./set-cookie.ts";

type CookieInput = NonNullable<PolicyInput["cookies"]>[number];
type VendorInput = NonNullable<PolicyInput["vendors"]>[number];

export interface MergeResult {
  policy: PolicyInput;
  cookies: string[];
  vendors: string[];
}

const LOOKS_NECESSARY = /sess|^sid$|csrf|xsrf|auth|login|cart|basket|checkout|^lb|affinity|consent/i;

/**
 * `declareFound`: also name the catalog vendors found that the policy loads only
 * by category (init does, so the banner and the declaration list them).
 */
export function mergeFindings(input: PolicyInput, found: Classified, catalog: Catalog, declareFound = false): MergeResult {
  const policy = structuredClone(input);
  const categories = policy.categories;
  const required = categories.find((c) => c.required === true)?.id ?? categories[0]!.id;
  const optional = categories.filter((c) => c.required !== true && c.forbidden !== true).map((c) => c.id);
  const ask = optional.includes("functional") ? "functional" : optional[0] ?? required;
  const cookies: CookieInput[] = (policy.cookies ??= []);
  const vendors: VendorInput[] = (policy.vendors ??= []);
  const added = { cookies: [] as string[], vendors: [] as string[] };

  for (const row of found.cookies) {
    if (row.covered || cookies.some((c) => c.name === row.cookie.name)) continue;
    const necessary = LOOKS_NECESSARY.test(row.cookie.name);
    const rule: CookieInput = {
      $comment: `Added by consentry scan: set on ${row.cookie.firstSeen}${row.cookie.script === true ? " by a script" : ""}, ${row.cookie.lifetime === null ? "a session cookie" : `kept ${describeLifetime(row.cookie.lifetime)}`}; no rule or catalog knows it. ${necessary ? "Its name looks necessary: confirm" : "Review its category"}, then remove this note.`,
      name: row.cookie.name,
      category: necessary ? required : ask,
      purpose: "TODO: what is this cookie for?",
    };
    if (row.cookie.domain !== null) rule.domains = [`.${row.cookie.domain}`];
    if (row.cookie.path !== "/") rule.paths = [row.cookie.path];
    cookies.push(rule);
    added.cookies.push(row.cookie.name);
  }

  const ids = new Set(vendors.map((v) => v.id));
  for (const row of found.hosts) {
    if (row.covered && declareFound && row.vendor !== null && row.vendor.source === "curated" && !ids.has(row.vendor.id)) {
      vendors.push({ $comment: `Found by consentry scan: ${row.host} loaded by ${row.via.join(", ")} on ${row.pages.slice(0, 3).join(", ")}. ${row.vendor.name}, ${row.category} in the catalog: keep it if the site uses it, and check the category.`, id: row.vendor.id });
      ids.add(row.vendor.id);
      added.vendors.push(row.vendor.id);
      continue;
    }
    if (row.covered) continue;
    const where = `Added by consentry scan: ${row.host} loaded by ${row.via.join(", ")} on ${row.pages.slice(0, 3).join(", ")}`;
    let vendor: VendorInput;
    if (row.vendor !== null) {
      if (ids.has(row.vendor.id)) continue;
      vendor = row.gap === "no-category"
        ? { $comment: `${where}. The catalog knows ${row.vendor.name} but not what it is for: choose its category.`, id: row.vendor.id, category: ask }
        : { $comment: `${where}. ${row.vendor.name}, ${row.category} in the catalog: keep it if the site uses it, and check the category.`, id: row.vendor.id };
    } else {
      let id = row.host.replace(/^www\./, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      if (ids.has(id) || catalog.has(id)) id = `${id}-host`;
      if (ids.has(id)) continue;
      vendor = { $comment: `${where}. Nobody classified this host: name the vendor and choose its category.`, id, name: row.host, category: ask, hosts: [row.host] };
    }
    vendors.push(vendor);
    ids.add(vendor.id);
    added.vendors.push(vendor.id);
  }
  return { policy, ...added };
}
