/**
 * "What the numbers say": the report's conclusions, each computed from the run so
 * that the words follow the figures.
 */
import type { ProfileSummary } from "./profile.ts";
import { FREE_PLAN_MS, perTagUs, row, type Results, type Scale } from "./report.ts";
import { fmt, kib } from "./stats.ts";

/** What the URL judging does per tag, and what would remove it (from reading src/html/url-verdict.ts and page-rewriter.ts). */
const URL_REMEDY =
  "`judgeUrl` decodes the attribute, builds a `new URL()`, walks the host's labels and judges the vendor afresh for every URL, and `page-rewriter.ts` parses each `<script src>` a second time to spot Google tags; " +
  "reading the host of absolute and protocol-relative URLs with a plain string scan (keeping `new URL` for relative ones), memoising the verdict per host for the page (the page plan already holds each blocked vendor's verdict, and the same hosts recur) " +
  "and handing the host back with the verdict";

const RUNTIME = "(runtime: HTML parsing, HTTP, GC)";
const pct = (x: number | undefined) => `${fmt((x ?? NaN) * 100, 2)} %`;

/** Total share of the first function whose label starts with `prefix`. */
const share = (p: ProfileSummary | undefined, prefix: string) => p?.functions.find((f) => f.name === prefix || f.name.startsWith(prefix))?.total ?? NaN;

/** HTMLRewriter calls from a handler back into the runtime. */
const ROUND_TRIPS = new Set(["getAttribute", "setAttribute", "removeAttribute", "hasAttribute", "before", "after", "append", "prepend", "replace", "remove", "setInnerContent", "onEndTag"]);

/** The JavaScript function with the most self time, with its first line. */
const topJs = (p: ProfileSummary | undefined) => {
  const f = p?.functions.find((x) => x.name.includes(" · src/"));
  return f === undefined ? "" : `; on the 100 KB page the JavaScript function with the most self time is \`${f.name}\`${f.code ? ` (\`${f.code.slice(0, 50)}\`)` : ""}, ${pct(f.self)}`;
};

/** Share of the HTMLRewriter calls from handlers back into the runtime. */
const roundTrips = (p: ProfileSummary) => p.functions.filter((f) => ROUND_TRIPS.has(f.name)).reduce((n, f) => n + f.self, 0);

const ratio = (a: number, b: number) => fmt(a / b, 2);

function maxBy<T>(xs: readonly T[], key: (x: T) => number): T | undefined {
  return xs.filter((x) => Number.isFinite(key(x))).reduce<T | undefined>((best, x) => (best === undefined || key(x) > key(best) ? x : best), undefined);
}

export function findings(r: Results): string {
  const out: string[] = [];
  const pass100 = row(r, "/page-100k", "pass-through");
  const cons100 = row(r, "/page-100k", "consentry");
  const extra100 = cons100.cpu!.median - pass100.cpu!.median;
  out.push(
    `- **On the ~100 KB page with 30 tags, Consentry serves ${ratio(cons100.rps.median, pass100.rps.median)}× the pass-through Worker's requests per second** ` +
      `(${fmt(cons100.rps.median)} against ${fmt(pass100.rps.median)}), at ${ratio(cons100.p50.median, pass100.p50.median)}× its median latency. ` +
      `The Worker runtime spends ${fmt(cons100.cpu!.median)} ms CPU per request against ${fmt(pass100.cpu!.median)} ms: Consentry's own work is about ` +
      `${fmt(extra100, 2)} ms, ${extra100 + pass100.cpu!.median <= FREE_PLAN_MS ? "within" : "over"} the free plan's ${FREE_PLAN_MS} ms even counted with the runtime's HTTP work.`,
  );
  const nonHtml = ["/data.json", "/image.png"].map((p) => row(r, p, "consentry").cpu!.median / row(r, p, "pass-through").cpu!.median);
  out.push(`- **JSON and images cost what the pass-through costs** (CPU ratio ${nonHtml.map((x) => fmt(x, 2)).join(" and ")}): they are never rewritten.`);

  const big = r.bySize.at(-1)!;
  const small = r.bySize[0]!;
  const perMb = ((big.consentry.cpu - big.passthrough.cpu - (small.consentry.cpu - small.passthrough.cpu)) / ((big.bytes - small.bytes) / 2 ** 20));
  const tagUs = perTagUs(r, r.byTags.at(-1)!);
  const noTags = r.byTags[0]!;
  out.push(
    `- **${30 * tagUs > 0.1 * perMb * 1000 ? "On a typical page, tags cost more than bytes" : "Bytes cost more than tags"}.** With the same 30 tags, growing the page from ${kib(small.bytes)} to ${kib(big.bytes)} adds about ${fmt(perMb, 2)} ms of Consentry's CPU per MB ` +
      `(HTMLRewriter parsing the HTML; ${kib(big.bytes)}: ${fmt(big.consentry.cpu)} ms against ${fmt(big.passthrough.cpu)} ms for the pass-through). Each third-party tag adds about ${fmt(tagUs, 2)} µs ` +
      `(100 KB page: ${r.byTags.map((t) => `${t.tags} tags ${fmt(t.consentry.cpu)} ms`).join(", ")}), so one MB of text costs what about ${fmt((perMb * 1000) / tagUs, 2)} tags cost, ` +
      `and a 100 KB page reaches the free plan's ${FREE_PLAN_MS} ms at about ${fmt(Math.max(0, (FREE_PLAN_MS - noTags.consentry.cpu) / (tagUs / 1000)), 2)} tags.`,
  );

  const worst = maxBy(r.byKind, (s) => perTagUs(r, s));
  const cheapest = [...r.byKind].sort((a, b) => perTagUs(r, a) - perTagUs(r, b))[0];
  if (worst !== undefined && cheapest !== undefined) {
    out.push(
      `- **${perTagUs(r, worst) <= 4 * perTagUs(r, cheapest) ? "Every kind of tag costs about the same" : `The ${worst.kind} tag costs most`}**: from ${fmt(perTagUs(r, cheapest), 2)} µs (${cheapest.kind}) to ${fmt(perTagUs(r, worst), 2)} µs (${worst.kind}) of CPU per tag ` +
        `(${r.byKind.map((s) => `${s.kind} ${fmt(perTagUs(r, s), 2)}`).join(", ")}).`,
    );
  }
  const [page, heavy] = r.profiles;
  const typical = r.bySize.find((x) => x.kb === 100) ?? r.bySize[0]!;
  const fixed = noTags.consentry.cpu - noTags.passthrough.cpu;
  const typicalExtra = typical.consentry.cpu - typical.passthrough.cpu;
  const perTagShare = (typical.tags * tagUs) / 1000 / typicalExtra;
  out.push(
    `- **The biggest cost is the JavaScript work per third-party tag: about ${fmt(tagUs, 2)} µs each**, ${pct(Math.min(1, perTagShare))} of Consentry's extra CPU on the 100 KB page with ${typical.tags} tags ` +
      `and nearly all of it on tag-heavy pages. For every tag lol-html calls into JavaScript, the handler reads the element's attributes one call at a time, parses and judges its URL, and rewrites it attribute by attribute` +
      (heavy !== undefined && Number.isFinite(share(heavy, "judgeUrl ·"))
        ? `; with 1,000 tags, \`judgeUrl\` (src/html/url-verdict.ts) takes ${pct(share(heavy, "judgeUrl ·"))} of the Worker's busy time, \`new URL()\` (there and in page-rewriter.ts) ${pct(share(heavy, "URL"))}, ` +
          `attribute and insertion calls back into the runtime ${pct(roundTrips(heavy))}, and the runtime's own work (parsing, dispatching to the handlers, GC) ${pct(heavy.files.find((f) => f.name === RUNTIME)?.self)}`
        : "") +
      `. What would remove most of it: ${URL_REMEDY}; fewer round trips per element (one \`replace\` for a dormant tag instead of several attribute calls); and selectors that keep ` +
      `first-party elements native (\`script[src*="//"]\` rather than every \`script[src]\`; real pages carry many first-party scripts, links and images that this page does not).`,
  );
  out.push(
    `- **Next, a fixed cost per HTML page: ${fmt(fixed, 2)} ms** over the pass-through on a page with no tag at all (the decision, the banner and the guard, and setting up the rewriter: a new HTMLRewriter ` +
      `with some fifteen selectors per response, one of them an \`img[src*=…]\` alternative per blocked host${topJs(page)}). ` +
      `Matching pixels by one \`img[src]\` handler with a host lookup, and building what depends only on the policy once per isolate, would shrink it.`,
  );

  const drip = (s: string) => r.drip.find((d) => d.setup === s)!;
  const streams = drip("consentry").first.median < drip("origin").end.median / 4;
  out.push(
    `- **Streaming ${streams ? "holds" : "does not hold"}**: through Consentry the first byte of a page the origin drips over ${fmt(drip("origin").end.median / 1000, 2)} s arrives after ` +
      `${fmt(drip("consentry").first.median)} ms (pass-through ${fmt(drip("pass-through").first.median)} ms, origin ${fmt(drip("origin").first.median)} ms). ` +
      `With \`Accept-Encoding: gzip\` the first decoded byte waits ${fmt(drip("consentry").gzipFirst)} ms through Consentry and ${fmt(drip("pass-through").gzipFirst)} ms through the pass-through: ` +
      `${drip("pass-through").gzipEncoding ? `the runtime compresses the Workers' responses itself (\`Content-Encoding: ${drip("pass-through").gzipEncoding}\`, while the origin sends none) and does not flush each chunk` : "the local runtime holds the body back"}, ` +
      `so a small dripped page arrives at its end whichever Worker sends it. Not Consentry's doing, but worth knowing when reading streaming through \`wrangler dev\` in a browser.`,
  );
  const hugeC = r.huge.find((h) => h.setup === "consentry")!;
  // Holding the page would take at least its own size (twice that as a JavaScript string).
  const flat = hugeC.peak - hugeC.before < hugeC.mb / 2;
  out.push(
    `- **Memory ${flat ? "stays flat" : "grows with the page"}**: a ${hugeC.mb} MB page streamed through Consentry raised the runtime's peak resident memory by ${fmt(hugeC.peak - hugeC.before, 2)} MiB ` +
      `(${fmt(hugeC.before)} → ${fmt(hugeC.peak)} MiB)${flat ? "; the page is never held whole" : ": something holds the page"}.`,
  );
  const [own, ...peers] = r.weights;
  const lightest = [...peers].sort((a, b) => a.gzip - b.gzip)[0]!;
  out.push(
    `- **Weight**: everything Consentry adds to a page is ${kib(own!.gzip)} gzipped (${kib(own!.raw)} raw) and no request; the lightest peer, ${lightest.name}, ships ` +
      `${kib(lightest.gzip)} gzipped in ${lightest.requests} requests before its banner can show (${peers.map((p) => `${p.name} ${kib(p.gzip)}`).join(", ")}).`,
  );
  // The parts are measured on the same bundle unminified: shares, not minified bytes.
  const partsTotal = r.cold.parts.reduce((n, p) => n + p.bytes, 0);
  const largest = r.cold.parts.slice(0, 3).map((p) => `${p.name} ${pct(p.bytes / partsTotal)}`).join(", ");
  out.push(
    `- **Cold start**: the bundle is ${kib(r.cold.raw)} raw, ${kib(r.cold.gzip)} gzipped (minified); a fresh workerd answers its first request through Consentry after ` +
      `${fmt(r.cold.first.median)} ms against ${fmt(r.cold.passFirst.median)} ms for the pass-through, so loading Consentry costs about ${fmt(r.cold.first.median - r.cold.passFirst.median, 2)} ms once per isolate. ` +
      `Its largest parts, unminified: ${largest}.`,
  );
  if (r.realPages !== null && r.realPages.count > 0) {
    const xs = [...r.realPages.extraCpuMs].sort((a, b) => a - b);
    const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
    out.push(
      `- **Real pages** (${r.realPages.count} pages nobody here wrote, demo/realpages/): Consentry's extra CPU per page is ${fmt(at(0.5))} ms at the median, ${fmt(at(0.95))} ms at p95 and ${fmt(xs.at(-1))} ms at most; ` +
        `${xs.filter((x) => x > FREE_PLAN_MS).length} of them over ${FREE_PLAN_MS} ms.`,
    );
  }
  return out.join("\n");
}

export type { Scale };
