/**
 * `npm run bench`: what Consentry costs, measured on this machine in one run, next
 * to a pass-through Worker in the same runtime and to the origin itself. Prints
 * each figure as it comes and writes docs/benchmarks.md with SVG charts and
 * docs/benchmarks.json with the key figures.
 *
 *   npm run bench                     # the full run, about six minutes on 2 cores
 *   npm run bench -- --quick          # a smoke run of about 1.5 minutes (fewer, shorter measurements)
 *   npm run bench -- --runs 5 --duration 10 --connections 20 --huge-mb 100
 *
 * Timings are never asserted anywhere: compare the set-ups within one run.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { bundle, firstResponseTimes, removeBundle } from "./cold-start.ts";
import { drainOnce, firstByte, load, streamThrough, type LoadResult } from "./load.ts";
import { IMAGE, JSON_BODY, page, startOrigin, TAG_KINDS } from "./origin.ts";
import { cpuModel, executableOf } from "./procs.ts";
import { profile } from "./profile.ts";
import { FREE_PLAN_MS, writeReport, type Results, type Scale, type Setup } from "./report.ts";
import { snapshotPassthrough, snapshotProject } from "./snapshot.ts";
import { fmt, kib, stats } from "./stats.ts";
import { consentryWeight, peerWeights } from "./weight.ts";
import { visitorTimings } from "./visitor.ts";
import { launch } from "../test/browser/support/browser.ts";
import { startWorker, type WorkerInstance } from "./workers.ts";
import { realPagesCpu } from "./realpages-cpu.ts";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    runs: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    "huge-mb": { type: "string" },
    /** Requests per real page and set-up for its CPU figure; 0 leaves the real pages out. */
    "realpages-requests": { type: "string" },
    /** How many of the real pages (in their stable order); the whole set of 313 takes about 25 minutes. */
    "realpages-limit": { type: "string" },
    out: { type: "string", default: "docs" },
  },
});
const QUICK = flags.quick;
const numberFlag = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const config = {
  runs: numberFlag(flags.runs, QUICK ? 1 : 3),
  duration: numberFlag(flags.duration, QUICK ? 1 : 5),
  warmup: QUICK ? 1 : 2,
  connections: numberFlag(flags.connections, 10),
  hugeMb: numberFlag(flags["huge-mb"], QUICK ? 10 : 50),
  /** Seconds of load per scaling step. */
  scaleSeconds: QUICK ? 0.4 : 2,
  scaleRuns: QUICK ? 1 : 2,
  coldRuns: QUICK ? 2 : 10,
  profileSeconds: QUICK ? 1 : 5,
  dripRuns: QUICK ? 1 : 5,
  realPagesRequests: numberFlag(flags["realpages-requests"], QUICK ? 10 : 40),
  realPagesLimit: numberFlag(flags["realpages-limit"], QUICK ? 20 : 60),
  sizes: QUICK ? [10, 100, 1024] : [10, 100, 1024, 10240],
  tags: [0, 10, 100, 1000],
  kindTags: 100,
  visitorRuns: QUICK ? 1 : 5,
};

const log = (line: string) => console.log(line);
const started = new Date();
const t0 = performance.now();
const snapshot = snapshotProject();
const passthroughDir = snapshotPassthrough();
const origin = await startOrigin();
const workers: WorkerInstance[] = [];

try {
  // 5 first, on a quiet machine, and before any wrangler dev watches anything.
  log("bundling Consentry and the pass-through Worker (wrangler deploy --dry-run)…");
  const consentryBundle = bundle("consentry", snapshot.dir);
  const passBundle = bundle("pass-through", passthroughDir);
  const workerd = wranglersWorkerd();
  const vars = { ORIGIN_URL: origin.url, POLICY: "westhub", COUNTRY_OVERRIDE: "DE" };
  const coldConsentry = stats(await firstResponseTimes(workerd.path, consentryBundle, vars, "/small", config.coldRuns));
  const coldPass = stats(await firstResponseTimes(workerd.path, passBundle, { ORIGIN_URL: origin.url }, "/small", config.coldRuns));
  removeBundle(consentryBundle);
  removeBundle(passBundle);
  log(`bundle ${consentryBundle.raw} B raw, ${consentryBundle.gzip} B gzipped; first response from a fresh workerd ${fmt(coldConsentry.median)} ms (pass-through ${fmt(coldPass.median)} ms)`);

  log(`origin ${origin.url}; starting the pass-through Worker and Consentry under wrangler dev…`);
  const passthrough = await startWorker("pass-through", passthroughDir, ["--var", `ORIGIN_URL:${origin.url}`], "/data.json");
  workers.push(passthrough);
  // The project's wrangler contract (README), run on the snapshot.
  const consentry = await startWorker("consentry", snapshot.dir, ["--var", `ORIGIN_URL:${origin.url}`, "--var", "POLICY:westhub", "--var", "COUNTRY_OVERRIDE:DE"], "/data.json");
  workers.push(consentry);
  const setups: { name: Setup; url: string; instance: WorkerInstance | null }[] = [
    { name: "origin", url: origin.url, instance: null },
    { name: "pass-through", url: passthrough.url, instance: passthrough },
    { name: "consentry", url: consentry.url, instance: consentry },
  ];
  const workerSetups = setups.filter((s): s is { name: Setup; url: string; instance: WorkerInstance } => s.instance !== null);

  // Consentry really enforces on the pages measured.
  const check = await (await fetch(`${consentry.url}/page-100k`)).text();
  if (!check.includes(`type="text/plain"`)) throw new Error("Consentry did not neutralise the tags of /page-100k: is the policy westhub and the visitor in the EU?");

  // 3b. Memory on a very large page, first, while the runtimes' memory is fresh.
  const huge: Results["huge"] = [];
  for (const setup of workerSetups) {
    const m = await streamThrough(`${setup.url}/huge?mb=${config.hugeMb}`, setup.instance.worker);
    huge.push({ setup: setup.name, mb: config.hugeMb, ...m });
    log(`${config.hugeMb} MB page through ${setup.name}: RSS ${fmt(m.before)} MiB before, peak ${fmt(m.peak)}, after ${fmt(m.after)} (${fmt(m.bytes / 2 ** 20)} MiB in ${fmt(m.seconds)} s)`);
  }

  // 1 + 2. Throughput, latency and CPU per request; the set-ups take turns in each round.
  const PAGES = [
    { path: "/page-100k", label: "HTML ~100 KB, 30 tags" },
    { path: "/page-1m", label: "HTML ~1 MB, 30 tags" },
    { path: "/data.json", label: `JSON ${kib(JSON_BODY.length)}` },
    { path: "/image.png", label: `image ${kib(IMAGE.length)}` },
  ];
  const throughput: Results["throughput"] = [];
  for (const target of PAGES) {
    const runs = new Map<Setup, LoadResult[]>(setups.map((s) => [s.name, []]));
    for (const setup of setups) await load(setup.url + target.path, { connections: config.connections, duration: config.warmup });
    for (let i = 0; i < config.runs; i++) {
      for (const setup of setups) {
        runs.get(setup.name)!.push(await load(setup.url + target.path, { connections: config.connections, duration: config.duration, pid: setup.instance?.worker ?? null, proxyPid: setup.instance?.proxy ?? null }));
      }
    }
    for (const setup of setups) {
      const r = runs.get(setup.name)!;
      const row = {
        path: target.path,
        label: target.label,
        setup: setup.name,
        rps: stats(r.map((x) => x.rps)),
        p50: stats(r.map((x) => x.p50)),
        p99: stats(r.map((x) => x.p99)),
        cpu: setup.instance ? stats(r.map((x) => x.cpuMs ?? NaN)) : null,
        proxyCpu: setup.instance ? stats(r.map((x) => x.proxyCpuMs ?? NaN)) : null,
        requests: r.reduce((n, x) => n + x.requests, 0),
        errors: r.reduce((n, x) => n + x.errors, 0),
      };
      throughput.push(row);
      log(`${target.path.padEnd(11)} ${setup.name.padEnd(13)} ${fmt(row.rps.median)} req/s, p50 ${fmt(row.p50.median)} ms, p99 ${fmt(row.p99.median)} ms${row.cpu ? `, CPU ${fmt(row.cpu.median)} ms/req (free plan: ${FREE_PLAN_MS} ms)` : ""}${row.errors ? `, ${row.errors} errors` : ""}`);
    }
  }

  // 3. Scaling: CPU per request and peak memory by page size, number of tags, kind of tag.
  // Each step runs `scaleRuns` times, the set-ups taking turns; the lowest CPU per request is kept
  // (another process on the machine can only add to it) and the largest rise in memory.
  const measure = async (url: string, pid: number): Promise<Scale["consentry"]> => {
    // Calibrate with plain sequential fetches (autocannon's own start-up would distort a few requests).
    await drainOnce(url);
    const w0 = performance.now();
    for (let i = 0; i < 3; i++) await drainOnce(url);
    const perRequest = (performance.now() - w0) / 3;
    // Concurrency lets requests overlap: about 1.5× the sequential rate on two cores.
    const amount = Math.max(50, Math.min(5000, Math.ceil((config.scaleSeconds * 1000 * 1.5) / perRequest)));
    const r = await load(url, { connections: config.connections, amount, pid });
    return { cpu: r.cpuMs ?? NaN, peak: r.peakMiB ?? NaN, before: r.rssBeforeMiB ?? NaN, requests: r.requests };
  };
  const best = (xs: Scale["consentry"][]): Scale["consentry"] => {
    const low = xs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
    const rise = xs.reduce((a, b) => (b.peak - b.before > a.peak - a.before ? b : a));
    return { cpu: low.cpu, peak: rise.peak, before: rise.before, requests: xs.reduce((n, x) => n + x.requests, 0) };
  };
  const step = async (label: string, query: string, kb: number, tags: number, kind: string | null): Promise<Scale> => {
    const runs: Scale["consentry"][][] = [[], []];
    for (let i = 0; i < config.scaleRuns; i++) {
      for (const [k, setup] of workerSetups.entries()) runs[k]!.push(await measure(`${setup.url}/gen?${query}`, setup.instance.worker));
    }
    const [pass, cons] = runs.map(best);
    log(`${label.padEnd(26)} consentry ${fmt(cons!.cpu)} ms/req (peak ${fmt(cons!.peak)} MiB), pass-through ${fmt(pass!.cpu)} ms/req`);
    const kindIndex = kind === null ? undefined : TAG_KINDS.indexOf(kind as (typeof TAG_KINDS)[number]);
    return { kb, tags, kind, bytes: Buffer.byteLength(page(kb, tags, kindIndex)), passthrough: pass!, consentry: cons! };
  };
  const bySize: Scale[] = [];
  for (const kb of config.sizes) bySize.push(await step(`size ${kb} KB, 30 tags`, `kb=${kb}&tags=30`, kb, 30, null));
  const byTags: Scale[] = [];
  for (const tags of config.tags) byTags.push(await step(`100 KB, ${tags} tags`, `kb=100&tags=${tags}`, 100, tags, null));
  const byKind: Scale[] = [];
  for (const [i, kind] of TAG_KINDS.entries()) byKind.push(await step(`100 KB, ${config.kindTags} × ${kind}`, `kb=100&tags=${config.kindTags}&kind=${i}`, 100, config.kindTags, kind));

  // 3d. Real pages nobody here wrote: Consentry's extra CPU per page (bench/realpages-cpu.ts).
  let realPages: Results["realPages"] = null;
  if (config.realPagesRequests > 0) {
    const rows = await realPagesCpu(
      { url: passthrough.url, pid: passthrough.worker },
      { url: consentry.url, pid: consentry.worker },
      { requests: config.realPagesRequests, limit: config.realPagesLimit, log },
    );
    realPages = { count: rows.length, extraCpuMs: rows.map((r) => r.extraMs) };
    const sorted = rows.map((r) => r.extraMs).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    log(`real pages (${rows.length}): extra CPU p50 ${fmt(at(0.5))} ms, p95 ${fmt(at(0.95))} ms, max ${fmt(sorted.at(-1))} ms; over ${FREE_PLAN_MS} ms: ${sorted.filter((x) => x > FREE_PLAN_MS).length}`);
  }

  // 3e. Floors: what any HTML-rewriting Worker costs here, next to the pass-through (bench/passthrough/worker.ts).
  const floors: Results["floors"] = [];
  // Both started before either is measured, each from its own copy: a port the one stopped
  // just released can be handed to the next wrangler, which then cannot bind it.
  const floorWorkers = [];
  for (const floor of ["rewriter", "pump"] as const) {
    const instance = await startWorker(`floor-${floor}`, snapshotPassthrough(), ["--var", `ORIGIN_URL:${origin.url}`, "--var", `FLOOR:${floor}`], "/data.json");
    workers.push(instance);
    floorWorkers.push({ floor, instance });
  }
  for (const { floor, instance } of floorWorkers) {
    try {
      for (const [kb, tags] of [[100, 30], [1024, 30]] as const) {
        const query = `kb=${kb}&tags=${tags}`;
        const pass: number[] = [];
        const cons: number[] = [];
        for (let i = 0; i < config.scaleRuns; i++) {
          pass.push((await measure(`${passthrough.url}/gen?${query}`, passthrough.worker)).cpu);
          cons.push((await measure(`${instance.url}/gen?${query}`, instance.worker)).cpu);
        }
        const extra = Math.min(...cons) - Math.min(...pass);
        floors.push({ floor, kb, tags, extraCpuMs: extra });
        log(`floor (${floor}) ${kb} KB, ${tags} tags: ${fmt(extra)} ms/req over the pass-through`);
      }
    } finally {
      await instance.stop();
    }
  }

  // Where the CPU goes: a V8 profile of Consentry on two pages (the profiler slows it: shares only).
  const profiles: Results["profiles"] = [];
  for (const target of [
    { label: "the ~100 KB page with 30 tags", path: "/page-100k" },
    { label: "a 100 KB page with 1,000 tags", path: "/gen?kb=100&tags=1000" },
  ]) {
    try {
      await load(consentry.url + target.path, { connections: 4, amount: 10 });
      const summary = await profile(consentry.inspectorPort, consentry.bundle(), () => load(consentry.url + target.path, { connections: 4, duration: config.profileSeconds }));
      profiles.push({ ...target, ...summary });
      log(`profile of ${target.label}: ${summary.files.slice(0, 4).map((f) => `${f.name} ${fmt(f.self * 100, 2)} %`).join(", ")}`);
    } catch (error) {
      log(`profile of ${target.label} skipped: ${String(error)}`);
    }
  }

  // 3c. Streaming: time to first byte on an origin that drips its body.
  const drip: Results["drip"] = [];
  for (const setup of setups) {
    const times = [];
    for (let i = 0; i < config.dripRuns; i++) times.push(await firstByte(`${setup.url}/drip`));
    const gzip = await firstByte(`${setup.url}/drip`, "gzip, br");
    drip.push({ setup: setup.name, first: stats(times.map((t) => t.first)), end: stats(times.map((t) => t.end)), gzipFirst: gzip.first, gzipEncoding: gzip.contentEncoding });
    log(`drip: ${setup.name} first byte ${fmt(drip.at(-1)!.first.median)} ms, last ${fmt(drip.at(-1)!.end.median)} ms; with gzip accepted, first byte ${fmt(gzip.first)} ms`);
  }

  // 4. Weight against the peers.
  const weights = [await consentryWeight(consentry.url, origin.url, "/small"), ...peerWeights()];
  for (const w of weights) log(`weight ${w.name}${w.version ? ` ${w.version}` : ""}: ${w.raw} B raw, ${w.gzip} B gzipped, ${w.requests} request(s) before the banner`);

  // 6. The visitor's side, in throttled Chromium: Consentry's banner against the peers'.
  const browser = await launch();
  let visitor: Results["visitor"];
  try {
    visitor = await visitorTimings(browser, consentry.url, origin.url, config.visitorRuns);
  } finally {
    await browser.close();
  }
  for (const v of visitor) log(`visitor: ${v.name} banner visible after ${fmt(v.bannerVisibleMs.median)} ms, first contentful paint ${fmt(v.firstContentfulPaintMs.median)} ms`);

  const version = (path: string) => (JSON.parse(readFileSync(path, "utf8")) as { version: string }).version;
  const results: Results = {
    quick: QUICK,
    started,
    seconds: 0,
    machine: {
      cpu: cpuModel(),
      cores: availableParallelism(),
      memoryGiB: totalmem() / 2 ** 30,
      node: process.version,
      workerd: executableOf(consentry.worker).packageVersion ?? workerd.version,
      wrangler: version("node_modules/wrangler/package.json"),
      autocannon: version("node_modules/autocannon/package.json"),
    },
    config,
    throughput,
    bySize,
    byTags,
    byKind,
    drip,
    huge,
    profiles,
    weights,
    visitor,
    realPages,
    floors,
    cold: { raw: consentryBundle.raw, gzip: consentryBundle.gzip, passRaw: passBundle.raw, parts: consentryBundle.parts, first: coldConsentry, passFirst: coldPass },
  };
  for (const w of workers) await w.stop();
  results.seconds = (performance.now() - t0) / 1000;
  writeReport(results, flags.out);
  log(`wrote ${flags.out}/benchmarks.md and ${flags.out}/bench-*.svg in ${fmt(results.seconds)} s`);
} finally {
  for (const w of workers) await w.stop();
  origin.server.close();
  origin.server.closeAllConnections();
  snapshot.remove();
}

/** The workerd that wrangler runs: its own dependency, not necessarily the top-level `workerd` package. */
function wranglersWorkerd(): { path: string; version: string } {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve("wrangler/package.json"));
  const workerd = fromWrangler("workerd") as { default: string; version: string };
  return { path: workerd.default, version: workerd.version };
}
