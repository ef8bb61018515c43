/**
 * Minifies the browser code in src/client/ into strings the Worker inlines
 * (no external request, nothing to cache-bust): src/generated/client.ts.
 * Usage: node scripts/build-client.ts
 */
import { readFileSync, mkdirSync } from "node:fs";
import { writeIfChanged } from "./write-if-changed.ts";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function minify(file: string): string {
  const { code } = transformSync(readFileSync(join(root, file), "utf8"), {
    loader: "ts",
    minify: true,
    target: "es2020",
    legalComments: "none",
  });
  return code.trim();
}

export function buildClient(): Record<string, number> {
  const guard = minify("src/client/guard.ts");
  const banner = minify("src/client/banner.ts");
  const out =
    "// Written by scripts/build-client.ts from src/client/. Do not edit.\n" +
    `/** The client guard; __CONSENTRY_CONFIG__ stands where its JSON configuration goes. */\nexport const GUARD_JS = ${JSON.stringify(guard)};\n` +
    `/** The banner's script: submits the choice in place. */\nexport const BANNER_JS = ${JSON.stringify(banner)};\n`;
  mkdirSync(join(root, "src/generated"), { recursive: true });
  writeIfChanged(join(root, "src/generated/client.ts"), out);
  return { guard: guard.length, banner: banner.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = buildClient();
  console.log(`consentry: client built (${Object.entries(sizes).map(([k, v]) => `${k} ${v} B`).join(", ")})`);
}
