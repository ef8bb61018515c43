/**
 * docs/benchmarks.md and its charts, from one run's results. Every sentence with a
 * number is computed here from the run, so the text cannot drift from the figures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { VisitorTiming } from "./visitor.ts";
import { join } from "node:path";
import { findings } from "./findings.ts";
import { barChart, lineChart } from "./svg.ts";
import { fmt, kib, sizeLabel, spread, type Stats } from "./stats.ts";
import type { ProfileSummary } from "./profile.ts";
import type { Weight } from "./weight.ts";

export type Setup = "origin" | "pass-through" | "consentry";
export const FREE_PLAN_MS = 10;

export interface Scale {
  kb: number;
  tags: number;
  kind: string | null;
  /** The page's actual size. */
  bytes: number;
  passthrough: { cpu: number; peak: number; before: number; requests: number };
  consentry: { cpu: number; peak: number; before: number; requests: number };
}

export interface Results {
  quick: boolean;
  started: Date;
  seconds: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; workerd: string; wrangler: string; autocannon: string };
  config: { runs: number; duration: number; warmup: number; connections: number; hugeMb: number; scaleSeconds: number; scaleRuns: number; coldRuns: number; dripRuns: number; kindTags: number; profileSeconds: number };
  throughput: { path: string; label: string; setup: Setup; rps: Stats; p50: Stats; p99: Stats; cpu: Stats | null; proxyCpu: Stats | null; requests: number; errors: number }[];
  bySize: Scale[];
  byTags: Scale[];
  byKind: Scale[];
  drip: { setup: Setup; first: Stats; end: Stats; gzipFirst: number; gzipEncoding: string | null }[];
  huge: { setup: Setup; mb: number; before: number; peak: number; after: number; bytes: number; seconds: number }[];
  profiles: ({ label: string; path: string } & ProfileSummary)[];
  weights: Weight[];
  /** The visitor's side: banner visible and first contentful paint in throttled Chromium, Consentry and its peers. */
  visitor: VisitorTiming[];
  /** The real-page set's CPU per page (realpages/), when it was measured. */
  realPages: { count: number; extraCpuMs: number[] } | null;
  /** Extra CPU over the pass-through of a Worker that only rewrites (inserting as much), without and with a JavaScript pump. */
  floors: { floor: "rewriter" | "pump"; kb: number; tags: number; extraCpuMs: number }[];
  cold: { raw: number; gzip: number; passRaw: number; parts: { name: string; bytes: number }[]; first: Stats; passFirst: Stats };
}

export const row = (r: Results, path: string, setup: Setup) => r.throughput.find((t) => t.path === path && t.setup === setup)!;
export const pages = (r: Results) => [...new Set(r.throughput.map((t) => t.path))];
/** Consentry's CPU per request beyond the pass-through's, µs per tag, against the page with no tag. */
export const perTagUs = (r: Results, s: Scale) => {
  const none = r.byTags.find((t) => t.tags === 0);
  return none === undefined || s.tags === 0 ? NaN : ((s.consentry.cpu - s.passthrough.cpu - (none.consentry.cpu - none.passthrough.cpu)) * 1000) / s.tags;
};

/** Text safe inside a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/`/g, "'");

/** Peak RSS of a step and how far it rose above the RSS the step started with. */
const peakCell = (m: { peak: number; before: number }) => `${fmt(m.peak)} (+${fmt(Math.max(0, m.peak - m.before), 2)})`;

const table = (head: string[], rows: string[][]) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

function charts(r: Results, dir: string): void {
  const paths = pages(r);
  const label = (p: string) => row(r, p, "origin").label.replace(/, 30 tags$/, "");
  writeFileSync(
    join(dir, "bench-throughput.svg"),
    barChart("Requests per second through each Worker (median)", ["pass-through", "consentry"], paths.map((p) => ({ label: label(p), values: [row(r, p, "pass-through").rps.median, row(r, p, "consentry").rps.median] })), "requests/s", { colorOffset: 1 }),
  );
  writeFileSync(
    join(dir, "bench-cpu.svg"),
    barChart("workerd CPU per request (median)", ["pass-through", "consentry"], paths.map((p) => ({ label: label(p), values: [row(r, p, "pass-through").cpu!.median, row(r, p, "consentry").cpu!.median] })), "CPU ms per request", { limit: { value: FREE_PLAN_MS, label: "free plan: 10 ms" }, colorOffset: 1 }),
  );
  const lines = (xs: Scale[]) => [
    { name: "pass-through", values: xs.map((s) => s.passthrough.cpu) },
    { name: "consentry", values: xs.map((s) => s.consentry.cpu) },
  ];
  writeFileSync(join(dir, "bench-size.svg"), lineChart("CPU per request as the page grows (30 tags)", r.bySize.map((s) => sizeLabel(s.kb)), lines(r.bySize), "CPU ms per request", { limit: { value: FREE_PLAN_MS, label: "free plan: 10 ms" } }));
  writeFileSync(join(dir, "bench-tags.svg"), lineChart("CPU per request as third-party tags grow (100 KB page)", r.byTags.map((s) => `${s.tags} tags`), lines(r.byTags), "CPU ms per request", { limit: { value: FREE_PLAN_MS, label: "free plan: 10 ms" } }));
  writeFileSync(
    join(dir, "bench-kinds.svg"),
    barChart(`Consentry's extra CPU per tag, by kind (${r.config.kindTags} tags on a 100 KB page)`, ["µs per tag"], r.byKind.map((s) => ({ label: s.kind!, values: [perTagUs(r, s)] })), "µs per tag", { colorOffset: 2 }),
  );
  writeFileSync(
    join(dir, "bench-weight.svg"),
    barChart("What a site ships for its consent banner, gzipped", ["KB gzipped"], r.weights.map((w) => ({ label: w.name, values: [w.gzip / 1024] })), "KB (gzip -9)", { colorOffset: 1 }),
  );
}

export function writeReport(r: Results, dir: string): void {
  mkdirSync(dir, { recursive: true });
  charts(r, dir);
  const c = r.config;
  const m = r.machine;
  const throughputRows = r.throughput.map((t) => [t.label, t.setup, spread(t.rps), spread(t.p50), spread(t.p99), String(t.errors)]);
  const ratioRows = pages(r).map((p) => {
    const pass = row(r, p, "pass-through");
    const cons = row(r, p, "consentry");
    return [row(r, p, "origin").label, fmt(cons.rps.median / pass.rps.median, 2), fmt(cons.p50.median / pass.p50.median, 2), fmt(cons.p99.median / pass.p99.median, 2)];
  });
  const cpuRows = pages(r).map((p) => {
    const pass = row(r, p, "pass-through");
    const cons = row(r, p, "consentry");
    const extra = cons.cpu!.median - pass.cpu!.median;
    return [pass.label, spread(pass.cpu), spread(cons.cpu), fmt(extra), `${fmt(cons.cpu!.median / FREE_PLAN_MS * 100, 2)} %`, fmt(cons.proxyCpu?.median)];
  });
  const scaleRows = (xs: Scale[], name: (s: Scale) => string) =>
    xs.map((s) => [name(s), fmt(s.passthrough.cpu), fmt(s.consentry.cpu), fmt(s.consentry.cpu - s.passthrough.cpu), peakCell(s.passthrough), peakCell(s.consentry), `${s.passthrough.requests} / ${s.consentry.requests}`]);
  const scaleHead = ["page", "pass-through CPU ms/req", "consentry CPU ms/req", "consentry's extra ms", "pass-through peak MiB (growth)", "consentry peak MiB (growth)", "requests (pass-through / consentry)"];
  const dripRows = r.drip.map((d) => [d.setup, spread(d.first), spread(d.end), fmt(d.gzipFirst), d.gzipEncoding ?? "none"]);
  const hugeRows = r.huge.map((h) => [h.setup, fmt(h.before), fmt(h.peak), fmt(h.after), fmt(h.peak - h.before), fmt(h.bytes / 2 ** 20), fmt(h.seconds)]);
  const weightRows = r.weights.map((w) => [`${w.name}${w.version ? ` ${w.version}` : ""}`, w.measured, String(w.raw), String(w.gzip), `${w.requests}: ${w.requestsNote}`]);

  const md = `# Benchmarks

Written by \`npm run bench\`${r.quick ? " **--quick** (a smoke run: fewer, shorter measurements)" : ""} on ${r.started.toISOString().slice(0, 16).replace("T", " ")} UTC, in ${fmt(r.seconds / 60, 2)} minutes.
Every figure below comes from that one run on one machine; compare the set-ups with each
other, not with another machine. Timings are never asserted in tests.

| machine | |
| --- | --- |
| CPU | ${m.cpu}, ${m.cores} cores |
| memory | ${fmt(m.memoryGiB)} GiB |
| software | Node ${m.node}, workerd ${m.workerd} (run by wrangler ${m.wrangler}), autocannon ${m.autocannon} |
| load | ${c.connections} connections, ${c.duration} s per run, ${c.runs} run${c.runs === 1 ? "" : "s"} per figure after a ${c.warmup} s warm-up; medians with (min–max) over the runs |

## How to run

\`\`\`sh
npm run bench               # the full run (this file, docs/bench-*.svg), about 6 minutes on 2 cores
npm run bench -- --quick    # a smoke run of about 1.5 minutes, for working on the benchmark
npm run bench -- --runs 5 --duration 10 --connections 20 --huge-mb 100 --out /tmp/bench
\`\`\`

The benchmark takes a copy of the Worker's sources when it starts (\`wrangler dev\`
reloads on every edit, and a test run rewrites generated files), runs everything on
loopback, and stops every process it started, also on error or Ctrl-C.

## What the numbers say

${findings(r)}

## Set-ups

- **origin**: \`bench/origin.ts\`, node:http on loopback, pages generated once and served from
  memory. The ~100 KB page carries 30 third-party tags on real hosts from the vendor
  catalog, of seven kinds in turn: \`<script src>\`, an inline gtag snippet, a pixel \`<img>\`, an
  \`<iframe>\`, an inline Meta Pixel (fbq) snippet, \`<link rel=preconnect>\`, a \`<noscript>\` pixel.
  Its HTML responses set four cookies (a session, \`_ga\`, \`_fbp\`, a preference).
- **pass-through**: \`bench/passthrough/worker.ts\`, a Worker that only \`fetch()\`es the origin and
  streams the answer back: the runtime's own cost, the baseline Consentry is compared with.
- **consentry**: the project's wrangler contract,
  \`wrangler dev --var ORIGIN_URL:… --var POLICY:westhub --var COUNTRY_OVERRIDE:DE\`, asked by a
  first-time visitor (no consent cookie, \`Accept-Language: en\`): every optional category is
  refused, so every tag is neutralised and the guard and the banner go in.

Both Workers run under \`wrangler dev\`, which starts two workerd processes: a small proxy on
the public port and the runtime that runs the Worker. **CPU per request** is the Worker
runtime's CPU time (utime + stime from \`/proc/PID/stat\`) over a run divided by the requests
it answered: the Worker's JavaScript and HTMLRewriter, plus the runtime's own HTTP work for
the request and its subrequest, which the pass-through figure shows on its own. The dev
proxy's CPU is reported apart; at the edge there is no such proxy. Memory is the same
process's resident set; its peak is the kernel's \`VmHWM\`, reset before each measurement.
Requests are sent with \`Accept-Encoding: identity\` (see streaming below).

## 1. Throughput and latency

${table(["page", "set-up", "requests/s", "p50 ms", "p99 ms", "errors"], throughputRows)}

Consentry / pass-through (medians):

${table(["page", "requests/s", "p50", "p99"], ratioRows)}

![Requests per second](bench-throughput.svg)

## 2. CPU per request

${table(["page", "pass-through ms", "consentry ms", "consentry's extra ms", "consentry, share of the free plan's 10 ms", "dev proxy ms (not at the edge)"], cpuRows)}

![CPU per request](bench-cpu.svg)

### Floors

What any Worker that rewrites HTML costs here, whatever it does: the pass-through Worker
with an HTMLRewriter that inserts as many bytes as Consentry at the start of \`<body>\`
(*rewriter*), and the same with the body read by JavaScript and written into the rewriter
as Consentry must, to keep the parser from stopping on \`<select>\` and framesets (*pump*);
extra CPU per request over the pass-through, lowest of ${c.scaleRuns} run(s).

${table(["page", "rewriter only, extra ms", "rewriter and pump, extra ms", "consentry, extra ms"], floorRows(r))}

## 3. Scaling

Each step is ${c.scaleRuns === 1 ? "a run" : `${c.scaleRuns} runs`} of about ${c.scaleSeconds} s with ${c.connections} connections, sized from 3 timed requests${c.scaleRuns === 1 ? "" : `, the set-ups taking turns;
the CPU figure is the lowest of the runs (another process on the machine can only add to it)`}. Peak memory is
the Worker runtime's \`VmHWM\` during the step (reset at its start), with its rise over the resident memory the step
started with: the runtime keeps what earlier steps made it allocate, so the rise is the figure to read.

**Page size** (30 tags, the same mix):

${table(scaleHead, scaleRows(r.bySize, (s) => kib(s.bytes)))}

![CPU per request by page size](bench-size.svg)

**Number of third-party tags** (100 KB of text; a thousand tags make the page larger):

${table(scaleHead, scaleRows(r.byTags, (s) => `${s.tags} tags (${kib(s.bytes)})`))}

![CPU per request by number of tags](bench-tags.svg)

**Kind of tag** (${c.kindTags} tags of one kind on a 100 KB page; the cost per tag is Consentry's
extra CPU over the pass-through's, less its extra on the same page without tags):

${table(["kind", "pass-through ms", "consentry ms", "µs per tag"], r.byKind.map((s) => [s.kind!, fmt(s.passthrough.cpu), fmt(s.consentry.cpu), fmt(perTagUs(r, s))]))}

![Extra CPU per tag by kind](bench-kinds.svg)

**Streaming.** \`/drip\` sends a first chunk (the \`<head>\` with a tag, a paragraph) at once and
ten more 100 ms apart. Time to the first body byte and to the last, ms, median (min–max) of
${c.dripRuns}; the last column asks with \`Accept-Encoding: gzip, br\`, as browsers do (one request):

${table(["set-up", "first byte", "last byte", "first byte, gzip accepted", "Content-Encoding then"], dripRows)}

**Memory on a ${c.hugeMb} MB page.** \`/huge\` streams ${c.hugeMb} MB of HTML in 64 KB chunks, a pixel in each
chunk. Resident memory of the Worker runtime, MiB:

${table(["set-up", "before", "peak (VmHWM)", "after", "peak − before", "MiB received", "seconds"], hugeRows)}

**Where Consentry's CPU goes.** A V8 CPU profile of the Worker (through wrangler's inspector,
${c.profileSeconds} s of load with 4 connections), as shares of the Worker runtime's busy time. Native calls
made from JavaScript (\`new URL\`, \`getAttribute\`, \`HTMLRewriter.on\`) count for the file that
made them; "runtime" is the work no JavaScript asked for: lol-html parsing, HTTP, garbage
collection. The profiler slows JavaScript down, so read these as proportions, not timings.

${r.profiles.map((p) => `On ${p.label}, by source file (self time):

${table(["file", "share"], p.files.slice(0, 10).map((f) => [f.name, `${fmt(f.self * 100, 2)} %`]))}

and the functions with the most self time (total = with what they call):

${table(["function · file:line", "its first line", "self", "total"], p.functions.slice(0, 12).map((f) => [cell(f.name), f.code ? `\`${cell(f.code.slice(0, 60))}\`` : "", `${fmt(f.self * 100, 2)} %`, `${fmt(f.total * 100, 2)} %`]))}
`).join("\n") || "(no profile: the inspector was not reachable)"}

## 4. Weight against the peers

${table(["banner", "what was measured", "raw bytes", "gzipped bytes (gzip -9)", "requests before the banner can show"], weightRows)}

Consentry's figure is measured on the wire, so it is whatever Consentry injects today: the
small page \`<!doctype html><html><head><title>t</title>…</head><body><p>x</p></body></html>\`
with one Google tag (so the guard goes in), through Consentry as a first-time visitor in
Germany and from the origin directly; raw = the length difference, gzipped = gzip -9 of
Consentry's page minus gzip -9 of the origin's. The peers' figures are the files of their npm
packages that a site includes (each compressed on its own, as each is its own request),
without the site's own configuration, which every one of them needs too.

![Weight](bench-weight.svg)

## 5. Cold start

| | Consentry | pass-through |
| --- | --- | --- |
| bundle (\`wrangler deploy --dry-run\`), raw | ${kib(r.cold.raw)} | ${kib(r.cold.passRaw)} |
| bundle, gzipped (what the size limit counts) | ${kib(r.cold.gzip)} | |
| fresh workerd, launch to first response, ms (median (min–max) of ${c.coldRuns}) | ${spread(r.cold.first)} | ${spread(r.cold.passFirst)} |

The first-response time launches plain \`workerd\` (the binary wrangler uses) on the bundle
with a generated config and asks for the small page; the pass-through bundle's time is
workerd starting, the difference is Consentry's module load (everything its modules run at
the top level: schemas, compiling the policies and the catalog) and its first request.

What the bundle is made of (raw bytes, by npm package or folder of \`src/\`; unminified, as
\`wrangler deploy\` uploads it without \`--minify\`):

${table(["part", "raw", "share"], r.cold.parts.slice(0, 10).map((p) => [p.name, kib(p.bytes), `${fmt((p.bytes / r.cold.raw) * 100, 2)} %`]))}

## 6. The visitor's side

Chromium with 4× CPU throttling and a slow-3G network (400 ms round trip, 400 kbit/s each
way); the same article page with Consentry's banner (inserted at the edge) and with each peer
loaded the way its README says, from the same origin. Milliseconds from navigation, median
(min–max) of ${r.visitor[0]?.bannerVisibleMs.n ?? 0} loads each, the set-ups taking turns.

${table(["banner", "banner visible, ms", "first contentful paint, ms"], r.visitor.map((v) => [v.name, spread(v.bannerVisibleMs), spread(v.firstContentfulPaintMs)]))}
`;
  writeFileSync(join(dir, "benchmarks.md"), md);
  writeFileSync(join(dir, "benchmarks.json"), JSON.stringify(keyFigures(r), null, 2) + "\n");
}

function floorRows(r: Results): string[][] {
  const sizes = [...new Set(r.floors.map((f) => f.kb))];
  return sizes.map((kb) => {
    const at = (floor: "rewriter" | "pump") => r.floors.find((f) => f.kb === kb && f.floor === floor)?.extraCpuMs ?? NaN;
    const cons = r.bySize.find((s) => s.kb === kb && s.tags === 30);
    return [`${sizeLabel(kb)}, 30 tags`, fmt(at("rewriter")), fmt(at("pump")), cons === undefined ? "–" : fmt(cons.consentry.cpu - cons.passthrough.cpu)];
  });
}

/** The key figures, for a script to compare runs (docs/benchmarks.json). */
export function keyFigures(r: Results) {
  const pass = row(r, "/page-100k", "pass-through");
  const cons = row(r, "/page-100k", "consentry");
  const none = r.byTags.find((t) => t.tags === 0);
  const tagged = r.byTags.filter((t) => t.tags > 0).map((t) => perTagUs(r, t));
  const percentile = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  };
  const consentry = r.visitor.find((v) => v.name === "Consentry");
  const round = (x: number, digits = 3) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);
  return {
    page100k30: {
      extraCpuMs: round(cons.cpu!.median - pass.cpu!.median),
      throughputRatio: round(cons.rps.median / pass.rps.median),
      p99Ratio: round(cons.p99.median / pass.p99.median),
    },
    perTagUs: round(tagged.reduce((a, b) => a + b, 0) / tagged.length, 1),
    noTagExtraCpuMs: none === undefined ? null : round(none.consentry.cpu - none.passthrough.cpu),
    bundleGzBytes: r.cold.gzip,
    coldStartExtraMs: round(r.cold.first.median - r.cold.passFirst.median, 1),
    pageInsertGzBytes: r.weights.find((w) => w.name === "Consentry")?.gzip ?? null,
    realPages:
      r.realPages === null
        ? null
        : {
            count: r.realPages.count,
            p50ExtraCpuMs: round(percentile(r.realPages.extraCpuMs, 0.5)),
            p95ExtraCpuMs: round(percentile(r.realPages.extraCpuMs, 0.95)),
            maxExtraCpuMs: round(Math.max(...r.realPages.extraCpuMs)),
            over10ms: r.realPages.extraCpuMs.filter((x) => x > FREE_PLAN_MS).length,
          },
    floors: Object.fromEntries(r.floors.map((f) => [`${f.floor}${f.kb}k`, round(f.extraCpuMs)])),
    visitor: {
      bannerVisibleMs: round(consentry?.bannerVisibleMs.median ?? NaN, 0),
      peers: Object.fromEntries(r.visitor.filter((v) => v.name !== "Consentry").map((v) => [v.name, { bannerVisibleMs: round(v.bannerVisibleMs.median, 0) }])),
    },
  };
}
