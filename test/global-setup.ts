/**
 * Runs in Node before the workerd tests: validates and bundles the policies
 * (as `wrangler dev` does) and starts the demo origin on a free port.
 */
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { startDemoOrigin } from "../demo/serve.ts";

declare module "vitest" {
  export interface ProvidedContext {
    originPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ["scripts/build.ts"], { stdio: "inherit" });
  const origin = await startDemoOrigin(0);
  project.provide("originPort", origin.port);
  return () => origin.close();
}
