/**
 * Rebuilds the vendor catalog (src/catalog/generated/catalog.json) from the
 * vendored sources in data/ and the curated vendors in src/catalog/vendors.json,
 * then prints its figures and its gzipped size. The same input gives the same
 * bytes, so the committed file can be checked against the sources.
 *
 * Usage: node scripts/import-catalog.ts [--check] [--output FILE]
 *   --check: write nothing; exit 1 when the committed catalog is not what the sources give.
 *   --output: the catalog file, relative to the project (default src/catalog/generated/catalog.json).
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { CatalogData } from "../src/catalog/catalog-format.ts";
import { loadCuratedVendors } from "../src/catalog/load-curated.ts";
import { buildCatalog } from "./catalog/build-catalog.ts";
import { encodeCatalog, serializeCatalog } from "./catalog/encode.ts";
import { writeIfChanged } from "./write-if-changed.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => readFileSync(join(root, file), "utf8");
const check = process.argv.includes("--check");
const outputArg = process.argv.indexOf("--output");
const OUTPUT = outputArg > 0 ? (process.argv[outputArg + 1] ?? "") : "src/catalog/generated/catalog.json";

let text: string;
let data: CatalogData;
let model: ReturnType<typeof buildCatalog>;
try {
  model = buildCatalog({
    openCookieDatabaseCsv: read("data/open-cookie-database/open-cookie-database.csv"),
    trackersJson: read("data/companiesdb/trackers.json"),
    companiesJson: read("data/companiesdb/companies.json"),
    curated: loadCuratedVendors("src/catalog/vendors.json", JSON.parse(read("src/catalog/vendors.json"))),
  });
  data = encodeCatalog(model);
  text = serializeCatalog(data);
} catch (error) {
  console.error(`consentry: catalog import failed: ${(error as Error).message}`);
  process.exit(1);
}

const { stats, curated, vendors, cookies } = model;
const curatedHosts = curated.reduce((n, v) => n + v.hosts.length, 0);
const importedHosts = vendors.reduce((n, v) => n + v.hosts.length, 0);
const count = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(", ");
};
const bytes = Buffer.byteLength(text);
const gz = (value: string) => gzipSync(value, { level: 9 }).length;
const gzipped = gz(text);
// What each part costs, for decisions about the budget: the purposes are the cookies' largest part.
const withoutPurposes = data.cookies.map((group) => group.replace(/^([^\t\n]*\t[=*]\t[^\t\n]*\t[^\t\n]*\t)[^\t\n]*$/gm, "$1"));
const parts = { curated: gz(JSON.stringify(data.curated)), vendors: gz(data.vendors), cookies: gz(JSON.stringify(data.cookies)) };
console.log(
  [
    `consentry: catalog ${check ? "checked" : "imported"}: vendors ${curated.length} curated + ${vendors.length} imported, ` +
      `hosts ${curatedHosts} curated + ${importedHosts} imported, cookies ${curated.reduce((n, v) => n + v.cookies.length, 0)} curated + ${cookies.length} imported`,
    `  imported vendors by category: ${count(vendors, (v) => v.category ?? "unknown")}`,
    `  imported cookies by category: ${count(cookies, (c) => c.category)}`,
    `  sources: ${stats.trackers} trackers, ${stats.trackerDomains} tracker domains, ${stats.ocdRows} cookie rows`,
    `  domains under curated hosts ${stats.domainsUnderCurated}, added to curated vendors ${stats.domainsAddedToCurated}, redundant ${stats.domainsRedundant}; ` +
      `trackers without hosts or cookies ${stats.trackersDropped}`,
    `  cookie rows under curated cookies ${stats.rowsUnderCurated}, duplicates ${stats.rowsDuplicate}; joined to vendors: ` +
      Object.entries(stats.joined).map(([rule, n]) => `${rule} ${n}`).join(", ") +
      `; curated cookies completed ${stats.curatedCookiesFilled}`,
    `  ${OUTPUT}: ${bytes} bytes, ${gzipped} gzipped (parts gzipped alone: curated vendors ${parts.curated}, ` +
      `imported vendors and hosts ${parts.vendors}, cookies ${parts.cookies}, of which purposes ${parts.cookies - gz(JSON.stringify(withoutPurposes))})`,
  ].join("\n"),
);

if (check) {
  let committed: string | undefined;
  try {
    committed = readFileSync(resolve(root, OUTPUT), "utf8");
  } catch {
    committed = undefined;
  }
  if (committed !== text) {
    console.error(`consentry: ${OUTPUT} is out of date: run npm run import:catalog`);
    process.exit(1);
  }
} else {
  writeIfChanged(resolve(root, OUTPUT), text);
}
