/**
 * `npm run audit`: what a regulator's audit tool records on the demo site, the way
 * the EDPS Website Evidence Collector records it (test/browser/support/audit.ts),
 * browsing every demo page: the site alone, then through Consentry for each policy
 * and jurisdiction, before any choice and after "Accept all". Prints one line of
 * figures per run; exits 1 when anything unconsented was found through Consentry.
 *
 *   npm run audit
 */
import { startDemoOrigin } from "../demo/serve.ts";
import { launch } from "../test/browser/support/browser.ts";
import { acceptAll, auditSession, browse, DEMO_PAGES, figures, policyById, requiredOnly } from "../test/browser/support/audit.ts";
import { startConsentry } from "../test/browser/support/wrangler.ts";

const demo = await startDemoOrigin(0);
const origin = `http://127.0.0.1:${demo.port}`;
const runs = [
  ["westhub", "DE"],
  ["westhub", "US-CA"],
  ["whereby", "DE"],
] as const;
const started = await Promise.all(runs.map(([policy, country]) => startConsentry(origin, policy, country)));
const browser = await launch();
let leaked = 0;
try {
  const westhub = policyById("westhub");
  const control = await auditSession(browser, origin);
  console.log(`the site alone (judged by WestHub's required categories): ${figures(await browse(control, origin, DEMO_PAGES, westhub, requiredOnly(westhub)))}`);
  await control.context.close();
  for (const [i, [policyId, country]] of runs.entries()) {
    const site = started[i]!.url;
    const policy = policyById(policyId);
    const before = await auditSession(browser, site);
    const first = await browse(before, site, DEMO_PAGES, policy);
    console.log(`${`${policyId} ${country}, no choice:`.padEnd(35)}${figures(first)}`);
    await before.context.close();
    const after = await auditSession(browser, site);
    await after.page.goto(`${site}/tag-manager`, { waitUntil: "load" });
    await acceptAll(after.page);
    const second = await browse(after, site, DEMO_PAGES, policy);
    console.log(`${`${policyId} ${country}, after Accept all:`.padEnd(35)}${figures(second)}`);
    await after.context.close();
    leaked += [...first.findings, ...second.findings].filter((f) => !f.allowed).length;
  }
} finally {
  await browser.close();
  for (const s of started) s.process.kill();
  await demo.close();
}
console.log(`\n${DEMO_PAGES.length} pages each; ${leaked} unconsented findings through Consentry`);
if (leaked > 0) process.exitCode = 1;
