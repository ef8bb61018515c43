/**
 * What test/global-setup.ts hands the workerd tests (vitest `provide`/`inject`):
 * the hostile origin's address and the sizes of the property and load tests,
 * which the environment sets (PROPERTY_RUNS, LOAD_SIZE) for a nightly run.
 */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    originPort: number;
    hostilePort: number;
    propertyRuns: number;
    loadSize: number;
  }
}

/** test/support/hostile-origin.ts, over real HTTP on loopback. */
export const hostileOrigin = (): string => `http://127.0.0.1:${inject("hostilePort")}`;

/** fast-check runs per property: 200 in CI, PROPERTY_RUNS (e.g. 10000) nightly. */
export const propertyRuns = (): number => inject("propertyRuns");

/** Concurrent requests per load test: 100 in CI, LOAD_SIZE nightly. */
export const loadSize = (): number => inject("loadSize");

/** A test's time budget for `runs` runs of roughly `msPerRun` each, never below 30 s. */
export const budget = (runs: number, msPerRun: number): number => Math.max(30_000, runs * msPerRun * 3);
