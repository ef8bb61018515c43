/**
 * The Worker's bundle as esbuild (wrangler's bundler) builds it from src/index.ts,
 * with wrangler's settings for workerd: what the bundle budget test holds and what
 * bench/bundle-size.ts takes apart. Nothing is written to disk.
 */
import { build, type Plugin } from "esbuild";

export function bundleWorker(options: { minify?: boolean; plugins?: Plugin[] } = {}) {
  return build({
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
    minify: options.minify ?? false,
    plugins: options.plugins ?? [],
  });
}
