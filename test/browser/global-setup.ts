/**
 * Browser tests run Consentry exactly as the README says: `wrangler dev` with
 * ORIGIN_URL, POLICY and COUNTRY_OVERRIDE, in front of the demo origin.
 */
import type { TestProject } from "vitest/node";
import { startDemoOrigin } from "../../demo/serve.ts";
import { startConsentry } from "./support/wrangler.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The demo origin itself, for loads without Consentry (the leak test's control). */
    origin: string;
    consentryEU: string;
    consentryCA: string;
    /** The Whereby policy, a visitor in Germany. */
    consentryWherebyEU: string;
    /** The Whereby policy, a visitor in Texas (a state whose law requires honouring GPC). */
    consentryWherebyTX: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origin = await startDemoOrigin(0);
  const originUrl = `http://127.0.0.1:${origin.port}`;
  const [eu, ca, wherebyEu, wherebyTx] = await Promise.all([
    startConsentry(originUrl, "westhub", "DE"),
    startConsentry(originUrl, "westhub", "US-CA"),
    startConsentry(originUrl, "whereby", "DE"),
    startConsentry(originUrl, "whereby", "US-TX"),
  ]);
  project.provide("origin", originUrl);
  project.provide("consentryEU", eu.url);
  project.provide("consentryCA", ca.url);
  project.provide("consentryWherebyEU", wherebyEu.url);
  project.provide("consentryWherebyTX", wherebyTx.url);
  return async () => {
    eu.process.kill();
    ca.process.kill();
    wherebyEu.process.kill();
    wherebyTx.process.kill();
    await origin.close();
  };
}
