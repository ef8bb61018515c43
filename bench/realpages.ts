/**
 * `npm run realpages`: real-world pages nobody here wrote (demo/realpages/), each
 * loaded in real Chromium directly from the origin and through Consentry (a
 * visitor in Germany under WestHub who has not chosen), then again after "Accept
 * all". Prints one row per page and the totals: new JavaScript errors, pages
 * losing visible text, requests to hosts the visitor refused, load times.
 *
 *   npm run realpages                               # the whole set; starts the origin and Consentry itself
 *   npm run realpages -- --subset                   # the CI subset only
 *   npm run realpages -- --only hb-ffca969d2726     # one page (repeatable)
 *   npm run realpages -- --json realpages.json      # the rows and totals as JSON too (for the benchmark)
 *   npm run realpages -- --consentry http://127.0.0.1:8787 --origin http://127.0.0.1:8788
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startDemoOrigin } from "../demo/serve.ts";
import { CI_SUBSET, realPages } from "../demo/realpages/pages.ts";
import { launch } from "../test/browser/support/browser.ts";
import { newErrors, replay, textChange, type PageRun } from "../test/browser/support/realpages.ts";
import { startConsentry } from "../test/browser/support/wrangler.ts";
import { summarise, type Row } from "./realpages-summary.ts";

const { values } = parseArgs({
  options: {
    consentry: { type: "string" },
    origin: { type: "string" },
    json: { type: "string" },
    subset: { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    policy: { type: "string", default: "westhub" },
    country: { type: "string", default: "DE" },
  },
});

const pages = realPages().filter((p) => (values.only !== undefined ? values.only.includes(p.id) : !values.subset || CI_SUBSET.includes(p.id)));
const demo = values.origin === undefined ? await startDemoOrigin(0) : null;
const origin = values.origin ?? `http://127.0.0.1:${demo!.port}`;
const started = values.consentry === undefined ? await startConsentry(origin, values.policy!, values.country!) : null;
const through = values.consentry ?? started!.url;
let browser = await launch();

const rows: Row[] = [];
// Stopped early (Ctrl-C, a time limit): the totals so far, and nothing left running.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    report();
    started?.process.kill();
    void Promise.allSettled([browser.close(), demo?.close()]).then(() => process.exit(130));
  });
}
const ms = (v: number | null) => (v === null ? "   -" : String(Math.round(v)).padStart(5));
const pct = (v: number) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)}%`.padStart(7);

function row(id: string, source: string, run: PageRun): Row {
  return {
    id,
    source,
    direct: run.direct,
    before: run.before,
    after: run.after,
    reloaded: run.reloaded,
    newErrorsBefore: newErrors(run.direct, run.before),
    newErrorsAfter: run.after === null ? [] : newErrors(run.direct, run.after),
    textBefore: textChange(run.direct, run.before),
    textAfter: run.after === null ? 0 : textChange(run.direct, run.after),
  };
}

try {
  console.log(`${"page".padEnd(28)} ${"errors d/b/a".padEnd(12)} ${"new".padStart(4)} ${"text before".padStart(11)} ${"after".padStart(7)} ${"3rd-party d/b/a".padStart(15)} ${"refused".padStart(7)} ${"load ms d/b/a".padStart(19)}`);
  for (const page of pages) {
    let run: PageRun;
    try {
      run = await replay(browser, origin, through, `/realpages/${page.id}`);
    } catch (error) {
      // Chromium itself can fall over on a page; start it again and give the page one more try.
      await browser.close().catch(() => undefined);
      browser = await launch();
      console.error(`${page.id}: ${String(error).split("\n")[0]}; retrying`);
      run = await replay(browser, origin, through, `/realpages/${page.id}`);
    }
    const r = row(page.id, page.source, run);
    rows.push(r);
    const newCount = r.newErrorsBefore.length + r.newErrorsAfter.length;
    console.log(
      `${r.id.padEnd(28)} ${`${r.direct.errors.length}/${r.before.errors.length}/${r.after?.errors.length ?? "-"}`.padEnd(12)} ${String(newCount).padStart(4)} ${pct(r.textBefore).padStart(11)} ${pct(r.textAfter)} ` +
        `${`${r.direct.requests.length}/${r.before.requests.length}/${r.after?.requests.length ?? "-"}`.padStart(15)} ${String(r.before.refused.length).padStart(7)} ` +
        `${ms(r.direct.loadMs)}/${ms(r.before.loadMs)}/${ms(r.after?.loadMs ?? null)}` +
        (newCount > 0 ? `\n    new: ${[...r.newErrorsBefore, ...r.newErrorsAfter].join(" | ")}` : ""),
    );
  }
} finally {
  await browser.close();
  started?.process.kill();
  await demo?.close();
}

/** The totals of the pages replayed so far; JSON too when asked. */
function report(): ReturnType<typeof summarise> {
  const totals = summarise(rows);
  console.log(`
${totals.pages} pages (${values.policy}, visitor in ${values.country}, no choice, then Accept all)
  pages with new JavaScript errors: ${totals.pagesWithNewErrors} (before consent ${totals.pagesWithNewErrorsBefore}, after Accept all ${totals.pagesWithNewErrorsAfter}); new errors in all: ${totals.newErrors}
  pages losing visible text (> 1 %): ${totals.pagesLosingText} (before consent ${totals.pagesLosingTextBefore}, after Accept all ${totals.pagesLosingTextAfter})
  third-party requests reaching the network: direct ${totals.thirdPartyDirect}, through Consentry before consent ${totals.thirdPartyBefore}, after Accept all ${totals.thirdPartyAfter}
  requests to hosts the visitor refused, before consent: ${totals.refusedBefore} (after Accept all: ${totals.refusedAfter})
  pages that reloaded themselves after Accept all: ${totals.reloaded}
  load time, direct: median ${totals.loadDirect.median} ms, p95 ${totals.loadDirect.p95} ms; through Consentry: median ${totals.loadConsentry.median} ms, p95 ${totals.loadConsentry.p95} ms`);
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ totals, rows }, null, 2) + "\n");
  return totals;
}

const totals = report();
if (totals.pagesWithNewErrors > 0 || totals.pagesLosingText > 0 || totals.refusedBefore > 0) process.exitCode = 1;
