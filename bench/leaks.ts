/**
 * `npm run leaks`: the hostile page set (demo/hostile/vectors.ts) in real Chromium,
 * each vector loaded directly from the demo origin and through Consentry (a
 * visitor in Germany under WestHub who has not chosen), counting the third-party
 * loads that reach the network. Prints one row per vector and the totals.
 *
 *   npm run leaks                                   # starts the origin and Consentry itself
 *   npm run leaks -- --consentry http://127.0.0.1:8787 --origin http://127.0.0.1:8788
 *   npm run leaks -- --json leaks.json              # the rows as JSON too
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startDemoOrigin } from "../demo/serve.ts";
import { VECTORS } from "../demo/hostile/vectors.ts";
import { launch } from "../test/browser/support/browser.ts";
import { measure } from "../test/browser/support/leaks.ts";
import { startConsentry } from "../test/browser/support/wrangler.ts";

const { values } = parseArgs({ options: { consentry: { type: "string" }, origin: { type: "string" }, json: { type: "string" } } });

const demo = values.origin === undefined ? await startDemoOrigin(0) : null;
const origin = values.origin ?? `http://127.0.0.1:${demo!.port}`;
const started = values.consentry === undefined ? await startConsentry(origin, "westhub", "DE") : null;
const through = values.consentry ?? started!.url;
const browser = await launch();

interface Row {
  id: string;
  group: string;
  what: string;
  direct: number;
  consentry: number;
  leaked: string[];
}

const rows: Row[] = [];
try {
  for (const vector of VECTORS) {
    const direct = await measure(browser, `${origin}${vector.path}`);
    await direct.context.close();
    const via = await measure(browser, `${through}${vector.path}`);
    await via.context.close();
    const row: Row = {
      id: vector.id,
      group: vector.group,
      what: vector.what,
      direct: direct.loads.filter((l) => l.cv?.startsWith(vector.id)).length,
      consentry: via.loads.length,
      leaked: via.loads.map((l) => l.url),
    };
    rows.push(row);
    console.log(`${row.id.padEnd(28)} ${row.group.padEnd(8)} direct ${String(row.direct).padStart(2)}  through Consentry ${String(row.consentry).padStart(2)}${row.consentry > 0 ? `  ${row.leaked.join(" ")}` : ""}`);
  }
} finally {
  await browser.close();
  started?.process.kill();
  await demo?.close();
}

const total = (pick: (r: Row) => number) => rows.reduce((n, r) => n + pick(r), 0);
const broken = rows.filter((r) => r.direct === 0).map((r) => r.id);
console.log(
  `\n${rows.length} vectors: ${total((r) => r.direct)} tracker loads without Consentry, ${total((r) => r.consentry)} through Consentry; ` +
    `${rows.filter((r) => r.consentry > 0).length} vectors leak through Consentry` +
    (broken.length > 0 ? `; vectors that load nothing even directly: ${broken.join(", ")}` : ""),
);
if (values.json !== undefined) writeFileSync(values.json, JSON.stringify(rows, null, 2) + "\n");
if (total((r) => r.consentry) > 0) process.exitCode = 1;
