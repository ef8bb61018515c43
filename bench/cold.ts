/**
 * Cold start alone, side by side: each project directory given (default: this
 * one) bundled as `npm run deploy` ships it, and the pass-through Worker; fresh
 * workerd launches take turns, set-up by set-up, round after round, so that a
 * busy moment of the machine falls on all of them. Prints each set-up's median
 * (min–max) launch-to-first-response and its median over the pass-through's, and
 * the same for the CPU time workerd spent until then (all its threads; Linux),
 * which a busy machine disturbs far less than the wall clock.
 *
 *   node bench/cold.ts [--runs 10] [dir …]     # e.g. . /path/to/other/checkout
 *
 * The same measurement as `npm run bench` §5 (bench/cold-start.ts); timings are never asserted.
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundle, firstResponse, removeBundle, type Bundle } from "./cold-start.ts";
import { startOrigin } from "./origin.ts";
import { snapshotPassthrough, snapshotProject } from "./snapshot.ts";
import { fmt, stats } from "./stats.ts";

const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "10" } }, allowPositionals: true });
const runs = Number(values.runs);
const dirs = positionals.length > 0 ? positionals : ["."];

const fromWrangler = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"));
const workerd = (fromWrangler("workerd") as { default: string }).default;
const origin = await startOrigin();
const snapshots = dirs.map((dir) => snapshotProject(resolve(dir)));
const bundles: Bundle[] = snapshots.map((s, i) => bundle(`consentry-${i}`, s.dir));
bundles.push(bundle("pass-through", snapshotPassthrough()));
const times = new Map<Bundle, number[]>(bundles.map((b) => [b, []]));
const cpu = new Map<Bundle, number[]>(bundles.map((b) => [b, []]));
try {
  for (let round = 0; round < runs; round++) {
    for (const b of bundles) {
      const vars: Record<string, string> = b.name === "pass-through" ? { ORIGIN_URL: origin.url } : { ORIGIN_URL: origin.url, POLICY: "westhub", COUNTRY_OVERRIDE: "DE" };
      const { ms, cpuMs } = await firstResponse(workerd, b, vars, "/small", round);
      times.get(b)!.push(ms);
      if (cpuMs !== null) cpu.get(b)!.push(cpuMs);
    }
  }
  const pass = stats(times.get(bundles.at(-1)!)!);
  const passCpu = stats(cpu.get(bundles.at(-1)!)!);
  for (const b of bundles) {
    const s = stats(times.get(b)!);
    const c = stats(cpu.get(b)!);
    console.log(
      `${b.name}${b.name === "pass-through" ? "" : ` (${dirs[bundles.indexOf(b)]})`}: ${b.gzip} B gzipped; ` +
        `first response ${fmt(s.median)} ms (${fmt(s.min)}–${fmt(s.max)}), +${fmt(s.median - pass.median)} ms over the pass-through; ` +
        `workerd CPU ${fmt(c.median)} ms (${fmt(c.min)}–${fmt(c.max)}), +${fmt(c.median - passCpu.median)} ms`,
    );
  }
} finally {
  bundles.forEach(removeBundle);
  snapshots.forEach((s) => s.remove());
  origin.server.close();
}
