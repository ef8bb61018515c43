/**
 * Runs in Node before the workerd tests: validates and bundles the policies
 * (as `wrangler dev` does), starts the demo origin and the hostile origin
 * (test/support/hostile-origin.ts) on free ports.
 */
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startDemoOrigin } from "../demo/serve.ts";
import { startHostileOrigin } from "./support/hostile-origin.ts";

declare module "vitest" {
  export interface ProvidedContext {
    originPort: number;
    hostilePort: number;
    /** Runs per property (fast-check); PROPERTY_RUNS in the environment, else a CI-sized default. */
    propertyRuns: number;
    /** Concurrent requests per load test; LOAD_SIZE in the environment, else a CI-sized default. */
    loadSize: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ["scripts/build.ts"], { stdio: "inherit" });
  const origin = await startDemoOrigin(0);
  const hostile = await startHostileOrigin(0);
  project.provide("originPort", origin.port);
  project.provide("hostilePort", hostile.port);
  project.provide("propertyRuns", positive(process.env.PROPERTY_RUNS, 200));
  project.provide("loadSize", positive(process.env.LOAD_SIZE, 100));
  return async () => {
    await hostile.close();
    await origin.close();
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
