/**
 * The catalog the Worker carries: the generated catalog (src/catalog/generated/
 * catalog.json) with only what the Worker can read for the bundled policies.
 * Everything a lookup decides on or names (hosts, cookie names, categories,
 * vendor ids and names, inline signatures, privacy links) stays whole; two
 * things go:
 *
 * - Cookie purposes and retention, curated and imported, except where a bundled
 *   policy's pages can show them. The Worker reads them only for the cookie
 *   declaration (src/banner/view.ts): the cookies of the vendors a policy names
 *   (`match.purpose`), and `cookieInfo(label)` for each label of a cookie the
 *   policy or those vendors declare (src/banner/cookie-label.ts). Those labels
 *   are looked up here, in the whole catalog, and the entries they land on keep
 *   their texts; so the declaration reads exactly what it would read in the whole
 *   catalog.
 * - The imported cookies' platform names (`CookieInfo.platform`): no Worker code
 *   reads them; tooling reads the whole catalog (src/catalog/lookup.ts).
 */
import { cookieLabels } from "../src/banner/cookie-label.ts";
import type { CatalogData, CookieMatch, CuratedVendor } from "../src/catalog/catalog-format.ts";
import { createCatalog } from "../src/catalog/catalog.ts";

/** The parts of a policy this reads: its cookies and the vendors it names, with their own cookies. */
interface PolicyShape {
  cookies?: readonly CookieMatch[];
  vendors?: readonly { id: string; cookies?: readonly CookieMatch[] }[];
}

const entries = (list: unknown): readonly unknown[] => (Array.isArray(list) ? list : []);

/** A marker in place of an entry's retention: which entry a lookup landed on. */
const MARK = "\u0000";

/**
 * The vendors the policies name, and the entries (`c<vendor>.<cookie>` curated,
 * `i<group>.<line>` imported) that the declaration's lookups land on.
 */
function shownEntries(full: CatalogData, policies: readonly unknown[]): { vendors: Set<string>; hit: Set<string> } {
  const marked = createCatalog({
    curated: full.curated.map((vendor, v) => ({ ...vendor, cookies: vendor.cookies.map((c, k) => ({ ...c, retention: `${MARK}c${v}.${k}` })) })),
    vendors: full.vendors,
    cookies: full.cookies.map((group, g) =>
      group
        .split("\n")
        .map((line, l) => (l === 0 ? line : `${line.split("\t").slice(0, 3).join("\t")}\t${MARK}i${g}.${l}`))
        .join("\n"),
    ),
  });
  const whole = createCatalog(full);
  const vendors = new Set<string>();
  const hit = new Set<string>();
  const lookUp = (match: CookieMatch) => {
    for (const label of cookieLabels(match)) {
      const retention = marked.cookieInfo(label.endsWith("*") ? label.slice(0, -1) : label)?.retention;
      if (retention?.startsWith(MARK)) hit.add(retention.slice(1));
    }
  };
  for (const policy of policies as readonly PolicyShape[]) {
    entries(policy.cookies).forEach((c) => lookUp(c as CookieMatch));
    for (const rule of entries(policy.vendors) as NonNullable<PolicyShape["vendors"]>) {
      vendors.add(rule.id);
      const cookies = [...entries(rule.cookies), ...(whole.curated(rule.id)?.cookies ?? whole.imported.vendor(rule.id)?.cookies ?? [])];
      cookies.forEach((c) => lookUp(c as CookieMatch));
    }
  }
  return { vendors, hit };
}

const withoutTexts = ({ purpose: _purpose, retention: _retention, ...rest }: CookieMatch): CookieMatch => rest;

export function workerCatalog(full: CatalogData, policies: readonly unknown[]): CatalogData {
  const { vendors, hit } = shownEntries(full, policies);
  const curated: CuratedVendor[] = full.curated.map((vendor, v) =>
    vendors.has(vendor.id) ? vendor : { ...vendor, cookies: vendor.cookies.map((c, k) => (hit.has(`c${v}.${k}`) ? c : withoutTexts(c))) },
  );
  const cookies = full.cookies.map((group, g) => {
    const lines = group.split("\n");
    const vendor = lines[0]!.slice(lines[0]!.indexOf("\t") + 1);
    const keepAll = vendor !== "" && vendors.has(vendor);
    return [
      // The platform left out: `\t vendor id`.
      `\t${vendor}`,
      ...lines.slice(1).map((line, i) => {
        if (keepAll || hit.has(`i${g}.${i + 1}`)) return line;
        // name, kind, category; retention and purpose left out, as the format allows.
        return line.split("\t").slice(0, 3).join("\t");
      }),
    ].join("\n");
  });
  return { ...full, curated, cookies };
}
