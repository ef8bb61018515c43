/**
 * Checks a schema-valid policy against itself and the catalog: every category,
 * vendor and route it names must exist. Returns issues instead of throwing, so
 * one run reports every mistake in a file.
 */
import type { Catalog } from "../catalog/catalog.ts";
import type { PolicyIssue } from "./policy-error.ts";
import type { Policy } from "./schema.ts";
import { compileRoutePattern } from "./route-pattern.ts";
import { closest } from "./suggest.ts";

export function checkReferences(policy: Policy, catalog: Catalog): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path: path.join("."), message });

  const categories = new Map(policy.categories.map((c) => [c.id, c]));
  const known = [...categories.keys()].join(", ");
  const seen = new Set<string>();
  policy.categories.forEach((c, i) => {
    if (seen.has(c.id)) add(["categories", i, "id"], `duplicate category "${c.id}"`);
    seen.add(c.id);
    if (c.required && c.forbidden) add(["categories", i], "a category cannot be both required and forbidden");
    if (c.required && c.alwaysOptIn) add(["categories", i], "a required category needs no opt-in");
  });
  const checkCategory = (id: string, path: (string | number)[]) => {
    if (!categories.has(id)) add(path, `unknown category "${id}" (known: ${known})${hint(id, categories.keys())}`);
  };
  const checkOptional = (id: string, path: (string | number)[]) => {
    checkCategory(id, path);
    if (categories.get(id)?.required) add(path, `category "${id}" is required; a signal cannot opt out of it`);
  };

  const policyVendorIds = new Set<string>();
  policy.vendors.forEach((v, i) => {
    if (policyVendorIds.has(v.id)) add(["vendors", i, "id"], `duplicate vendor "${v.id}"`);
    policyVendorIds.add(v.id);
    if (v.category !== undefined) checkCategory(v.category, ["vendors", i, "category"]);
    if (!catalog.has(v.id)) {
      if (v.name === undefined) add(["vendors", i, "name"], `vendor "${v.id}" is not in the catalog, so it needs a name`);
      if (v.category === undefined) add(["vendors", i, "category"], `vendor "${v.id}" is not in the catalog, so it needs a category`);
      if (v.hosts.length === 0 && v.cookies.length === 0) {
        add(["vendors", i, "hosts"], `vendor "${v.id}" is not in the catalog, so it needs hosts or cookies`);
      }
    }
  });
  const checkVendor = (id: string, path: (string | number)[]) => {
    if (!policyVendorIds.has(id) && !catalog.has(id)) add(path, `unknown vendor "${id}" (not in this policy's vendors nor the catalog)${hint(id, [...policyVendorIds, ...catalog.vendors.map((v) => v.id)])}`);
  };

  for (const [from, to] of Object.entries(policy.catalogCategories)) {
    if (to !== undefined) checkCategory(to, ["catalogCategories", from]);
  }

  const names = new Set<string>();
  policy.cookies.forEach((c, i) => {
    checkCategory(c.category, ["cookies", i, "category"]);
    if (c.vendor !== undefined) checkVendor(c.vendor, ["cookies", i, "vendor"]);
    if (c.name !== undefined) {
      if (names.has(c.name)) add(["cookies", i, "name"], `cookie "${c.name}" is declared twice`);
      if (c.name === policy.consent.cookieName) add(["cookies", i, "name"], `"${c.name}" is Consentry's own consent cookie`);
      names.add(c.name);
    }
  });

  policy.storage.forEach((s, i) => checkCategory(s.category, ["storage", i, "category"]));

  for (const [signal, ids] of Object.entries(policy.googleConsentMode)) {
    (ids ?? []).forEach((id, i) => checkCategory(id, ["googleConsentMode", signal, i]));
  }
  policy.gpc.optOut.forEach((id, i) => checkOptional(id, ["gpc", "optOut", i]));
  policy.dnt.optOut.forEach((id, i) => checkOptional(id, ["dnt", "optOut", i]));

  policy.routes.forEach((route, i) => {
    try {
      compileRoutePattern(route.pattern);
    } catch (error) {
      add(["routes", i, "pattern"], `not a valid URLPattern: ${(error as Error).message}`);
    }
    route.vendors.allow.forEach((id, j) => checkVendor(id, ["routes", i, "vendors", "allow", j]));
    route.vendors.deny.forEach((id, j) => checkVendor(id, ["routes", i, "vendors", "deny", j]));
  });

  // The logo is an image the page loads: the allowlist the browser enforces admits the site's own hosts, and no other.
  const logo = policy.banner.brand?.logo;
  if (logo !== undefined && URL.canParse(logo)) {
    const host = new URL(logo).hostname;
    if (!policy.hosts.some((h) => host === h || host.endsWith(`.${h}`))) {
      add(["banner", "brand", "logo"], `${host} is not one of this policy's hosts (${policy.hosts.join(", ") || "none"}): the allowlist would refuse the image; serve the logo from the site (/logo.svg)`);
    }
  }
  return issues;
}

/** `; did you mean "analytics"?`, after the list of what is known. */
function hint(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === undefined ? "" : `; did you mean "${match}"?`;
}
