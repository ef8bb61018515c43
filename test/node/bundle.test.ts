/**
 * What the Worker carries: its bundle, as esbuild (wrangler's bundler) builds it
 * from src/index.ts. Policies are validated at build time, so the schema library
 * must stay out of the Worker: it once made up three quarters of the bundle.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleWorker } from "../../scripts/worker-bundle.ts";

const bundle = (minify = false) => bundleWorker({ minify });

async function bundleInputs(): Promise<string[]> {
  return Object.keys((await bundle()).metafile!.inputs);
}

/**
 * What `npm run deploy` uploads, gzipped: 177 KB when policies were validated at run
 * time; 143 KB with the validator out; 137.8 KB with the catalog carrying only what
 * the Worker reads and Hono without the routers it never picks (docs/bundle.md).
 * The budget holds it there, with a little room.
 */
const BUNDLE_BUDGET_GZ = 141_000;

describe("the Worker's bundle", () => {
  it("should hold no validator: zod and the policy schema run only in the build", async () => {
    const inputs = await bundleInputs();
    expect(inputs).toContain("src/index.ts");
    expect(inputs.some((input) => input.startsWith("src/html/"))).toBe(true);
    expect(inputs.filter((input) => input.includes("node_modules/zod/"))).toEqual([]);
    expect(inputs).not.toContain("src/policy/schema.ts");
    expect(inputs).not.toContain("src/catalog/schema.ts");
  }, 30_000);

  it("should carry the catalog the build trimmed for the bundled policies, not the whole one", async () => {
    const inputs = await bundleInputs();
    expect(inputs).toContain("src/generated/catalog.json");
    expect(inputs).not.toContain("src/catalog/generated/catalog.json");
  }, 30_000);

  it("should carry one Hono router, the RegExpRouter its routes use", async () => {
    const routers = (await bundleInputs()).map((input) => /node_modules\/hono\/dist\/router\/([^/]+)\//.exec(input)?.[1]).filter((router) => router !== undefined);
    expect(new Set(routers)).toEqual(new Set(["reg-exp-router"]));
  }, 30_000);

  it(`should stay within ${BUNDLE_BUDGET_GZ} bytes gzipped, minified as deployed`, async () => {
    const code = (await bundle(true)).outputFiles![0]!.contents;
    const size = gzipSync(code, { level: 9 }).length;
    console.log(`consentry bundle: ${code.length} B minified, ${size} B gzipped`);
    expect(size).toBeLessThanOrEqual(BUNDLE_BUDGET_GZ);
  }, 30_000);
});
