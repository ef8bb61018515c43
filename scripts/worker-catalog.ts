/**
 * The catalog the Worker carries: the generated catalog (src/catalog/generated/
 * catalog.json) with the imported cookies' purposes and retention kept only where
 * a bundled policy can show them, i.e. cookies the policies name or match with a
 * pattern, and cookies of vendors they name. Everything a lookup decides on (hosts, names, categories,
 * vendors) stays whole. The texts are two fifths of the catalog gzipped and the
 * Worker reads them only for a cookie declaration.
 */
import type { CatalogData } from "../src/catalog/catalog-format.ts";

/** Every string anywhere in the policies: ids, names, hosts. A superset of what they can declare. */
export function policyStrings(policies: readonly unknown[]): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") found.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  policies.forEach(walk);
  return found;
}

/** The anchored patterns among those strings (cookie and storage rules are `^…$`). */
function policyPatterns(strings: Iterable<string>): RegExp[] {
  const patterns: RegExp[] = [];
  for (const text of strings) {
    if (!text.startsWith("^")) continue;
    try {
      patterns.push(new RegExp(text));
    } catch {
      // Not a pattern after all: a policy's text that happens to start with ^.
    }
  }
  return patterns;
}

export function workerCatalog(full: CatalogData, policies: readonly unknown[]): CatalogData {
  const named = policyStrings(policies);
  const patterns = policyPatterns(named);
  const shown = (name: string) => named.has(name) || patterns.some((re) => re.test(name));
  const cookies = full.cookies.map((group) => {
    const lines = group.split("\n");
    const vendor = lines[0]!.split("\t")[1] ?? "";
    const keepAll = vendor !== "" && named.has(vendor);
    return [
      lines[0]!,
      ...lines.slice(1).map((line) => {
        const fields = line.split("\t");
        if (keepAll || shown(fields[0]!)) return line;
        // name, kind, category; retention and purpose left out, as the format allows.
        return fields.slice(0, 3).join("\t");
      }),
    ].join("\n");
  });
  return { ...full, cookies };
}
