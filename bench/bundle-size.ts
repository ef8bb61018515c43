/**
 * What the Worker's bundle weighs and what it is made of, minified as deployed:
 * esbuild with wrangler's settings (scripts/worker-bundle.ts, as test/node/bundle.test.ts builds it),
 * gzip -9 of the whole, the same bundle with an empty catalog (the code alone), and
 * each part's minified bytes. Then the catalog the Worker carries, part by part,
 * under gzip -9 (what the Workers size limit counts), brotli 11 and xz -9e (when
 * `xz` is installed): how far any general-purpose compressor gets with it.
 * docs/bundle.md reads these figures.
 *
 *   node bench/bundle-size.ts          # after npm run build
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { CatalogData } from "../src/catalog/catalog-format.ts";
import { bundleWorker } from "../scripts/worker-bundle.ts";

const gz = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;
const br = (data: string | Uint8Array) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
function xz(data: string): number | null {
  try {
    return execFileSync("xz", ["-9e", "-c"], { input: data, maxBuffer: 2 ** 26 }).length;
  } catch {
    return null;
  }
}

/** The bundled catalog replaced by an empty one. */
const noCatalog: Plugin = {
  name: "no-catalog",
  setup(b) {
    b.onLoad({ filter: /src\/generated\/catalog\.json$/ }, () => ({ contents: '{"version":1,"notice":"","curated":[],"vendors":"","cookies":[]}', loader: "json" }));
  },
};

const bundle = (plugins: Plugin[] = []) => bundleWorker({ minify: true, plugins });

const result = await bundle();
const code = result.outputFiles[0]!.contents;
console.log(`bundle: ${code.length} B minified, ${gz(code)} B gzipped, ${br(code)} B brotli`);
const bare = (await bundle([noCatalog])).outputFiles[0]!.contents;
console.log(`bundle with an empty catalog (the code alone): ${bare.length} B minified, ${gz(bare)} B gzipped`);

// Parts by npm package or folder of src/, from the minified output's per-input bytes.
const output = Object.values(result.metafile.outputs)[0]!;
const parts = new Map<string, number>();
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const pkg = /(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(path)?.[1];
  const name = pkg ?? (path.startsWith("src/") ? path.split("/").slice(0, path.split("/").length > 2 ? 2 : 1).join("/") : path);
  parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${name.padEnd(28)} ${String(bytes).padStart(8)} B minified`);

// The catalog the Worker carries (src/generated/catalog.json, scripts/worker-catalog.ts), part by part.
const catalog = JSON.parse(readFileSync("src/generated/catalog.json", "utf8")) as CatalogData;
const vendors = catalog.vendors.split("\n").map((line) => line.split("\t"));
const hosts = vendors.flatMap((v) => (v[3] ? v[3].split(" ") : []));
const rows = catalog.cookies.flatMap((group) => group.split("\n").slice(1));
const catalogParts: Record<string, string> = {
  [`imported hosts (${hosts.length}), in the file's order`]: hosts.join("\n"),
  "the same, sorted by reversed labels": hosts.map((h) => h.split(".").reverse().join(".")).sort().join("\n"),
  [`imported vendor names (${vendors.length})`]: vendors.map((v) => v[0]).join("\n"),
  "imported vendor ids (where not derived from the name)": vendors.map((v) => v[1]).join("\n"),
  "imported vendor categories": vendors.map((v) => v[2]).join(""),
  [`imported cookie names and kinds (${rows.length})`]: rows.map((r) => r.split("\t").slice(0, 2).join("\t")).join("\n"),
  "imported cookie categories": rows.map((r) => r.split("\t")[2]).join(""),
  "imported cookie texts kept": rows.map((r) => r.split("\t").slice(3).join("\t")).join("\n"),
  "cookie groups' vendor ids": catalog.cookies.map((g) => g.split("\n")[0]).join("\n"),
  [`curated vendors (${catalog.curated.length}), JSON`]: JSON.stringify(catalog.curated),
  "the whole bundled catalog, JSON": JSON.stringify(catalog),
};
console.log("\n| part of the bundled catalog | raw | gzip -9 | brotli 11 | xz -9e |\n| --- | --- | --- | --- | --- |");
for (const [name, text] of Object.entries(catalogParts)) console.log(`| ${name} | ${Buffer.byteLength(text)} | ${gz(text)} | ${br(text)} | ${xz(text) ?? "–"} |`);
