/**
 * A quick look at CPU per request for a few pages, Consentry against the
 * pass-through, in one run (not the benchmark: no report, few requests).
 * Usage: node bench/cpu-probe.ts [path …]   (default: /page-100k /page-1m /gen?kb=100&tags=0)
 */
import { startOrigin } from "./origin.ts";
import { load } from "./load.ts";
import { snapshotPassthrough, snapshotProject } from "./snapshot.ts";
import { startWorker } from "./workers.ts";
import { fmt } from "./stats.ts";

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["/page-100k", "/page-1m", "/gen?kb=100&tags=0", "/gen?kb=100&tags=300"];
const snapshot = snapshotProject();
const origin = await startOrigin();
const pass = await startWorker("pass-through", snapshotPassthrough(), ["--var", `ORIGIN_URL:${origin.url}`], "/data.json");
const cons = await startWorker("consentry", snapshot.dir, ["--var", `ORIGIN_URL:${origin.url}`, "--var", "POLICY:westhub", "--var", "COUNTRY_OVERRIDE:DE"], "/data.json");
try {
  for (const path of paths) {
    const best = { pass: Infinity, cons: Infinity };
    for (let round = 0; round < 3; round++) {
      await load(pass.url + path, { connections: 2, amount: 20 });
      best.pass = Math.min(best.pass, (await load(pass.url + path, { connections: 2, amount: 200, pid: pass.worker })).cpuMs!);
      await load(cons.url + path, { connections: 2, amount: 20 });
      best.cons = Math.min(best.cons, (await load(cons.url + path, { connections: 2, amount: 200, pid: cons.worker })).cpuMs!);
    }
    console.log(`${path.padEnd(24)} pass-through ${fmt(best.pass)} ms, consentry ${fmt(best.cons)} ms, extra ${fmt(best.cons - best.pass)} ms`);
  }
} finally {
  await pass.stop();
  await cons.stop();
  origin.server.close();
  snapshot.remove();
}
