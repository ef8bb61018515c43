/**
 * What the Worker carries: its bundle, as esbuild (wrangler's bundler) builds it
 * from src/index.ts. Policies are validated at build time, so the schema library
 * must stay out of the Worker: it once made up three quarters of the bundle.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function bundleInputs(): Promise<string[]> {
  const result = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    external: ["cloudflare:*", "node:*"],
    logLevel: "silent",
  });
  return Object.keys(result.metafile!.inputs);
}

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
});
