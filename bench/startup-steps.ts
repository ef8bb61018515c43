/**
 * Where a cold isolate's time goes, step by step (bench/startup/steps.ts), each
 * step's minimum over fresh Node processes: the steps' relative weight, not
 * workerd's absolute figures (node bench/cold.ts measures those).
 *
 *   node bench/startup-steps.ts [--runs 9]      # after npm run build
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { removeTempDir, tempDir } from "./children.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const dir = tempDir("consentry-bench-steps-");
try {
  const file = join(dir, "steps.mjs");
  await build({ entryPoints: ["bench/startup/steps.ts"], bundle: true, outfile: file, format: "esm", platform: "node", logLevel: "warning" });
  const best = new Map<string, number>();
  for (let run = 0; run < Number(values.runs); run++) {
    for (const line of execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n")) {
      const [name = "", ms = ""] = line.split("\t");
      best.set(name, Math.min(best.get(name) ?? Infinity, Number(ms)));
    }
  }
  for (const [name, ms] of best) console.log(`${ms.toFixed(1).padStart(6)} ms  ${name}`);
} finally {
  removeTempDir(dir);
}
