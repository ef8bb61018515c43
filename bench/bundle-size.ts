/**
 * What the Worker's bundle weighs and what it is made of, minified as deployed:
 * esbuild with wrangler's settings (the same build as test/node/bundle.test.ts),
 * gzip -9 of the whole, and each part's minified bytes with a gzip -9 of those
 * bytes alone (parts compress better together, so the part figures add up to more
 * than the whole). Also the bundled catalog's fields, each gzipped on its own.
 *
 *   node bench/bundle-size.ts          # after npm run build
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const gz = (data: string | Uint8Array) => gzipSync(data, { level: 9 }).length;
const br = (data: string | Uint8Array) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const result = await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  write: false,
  metafile: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
  logLevel: "silent",
  minify: true,
});
const code = result.outputFiles[0]!.contents;
console.log(`bundle: ${code.length} B minified, ${gz(code)} B gzipped, ${br(code)} B brotli`);

// Parts by npm package or folder of src/, from the minified output's per-input bytes.
const output = Object.values(result.metafile.outputs)[0]!;
const parts = new Map<string, number>();
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const pkg = /(?:^|\/)node_modules\/(@[^/]+\/[^/]+|[^/]+)\//.exec(path)?.[1];
  const name = pkg ?? (path.startsWith("src/") ? path.split("/").slice(0, path.split("/").length > 2 ? 2 : 1).join("/") : path);
  parts.set(name, (parts.get(name) ?? 0) + bytesInOutput);
}
for (const [name, bytes] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${name.padEnd(28)} ${String(bytes).padStart(8)} B minified`);

// The bundled catalog, field by field.
const catalog = JSON.parse(readFileSync("src/generated/catalog.json", "utf8")) as Record<string, unknown>;
console.log(`catalog: ${gz(JSON.stringify(catalog))} B gzipped as JSON`);
for (const [key, value] of Object.entries(catalog)) {
  const text = JSON.stringify(value);
  console.log(`  ${key.padEnd(12)} ${String(text.length).padStart(8)} B, ${String(gz(text)).padStart(7)} B gzipped, ${String(br(text)).padStart(7)} B brotli`);
}
