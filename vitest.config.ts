/**
 * Three projects: `workers` runs inside workerd (the real HTMLRewriter, WebCrypto
 * and fetch) against the demo origin served over real HTTP by
 * test/global-setup.ts; `node` tests the build tooling; `browser` drives real
 * Chromium against `wrangler dev`.
 */
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Test-only HMAC secret: tests mint consent cookies with it. */
const TEST_SECRET = "test-secret-for-consentry-vitest-0123456789";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                ORIGIN_URL: `http://127.0.0.1:${inject<number>("originPort")}`,
                CONSENT_SECRET: TEST_SECRET,
              },
              // The optional Analytics Engine dataset, as miniflare simulates it (it keeps nothing to read back).
              analyticsEngineDatasets: { ANALYTICS: { dataset: "consentry_refusals" } },
            },
          })),
        ],
        test: {
          name: "workers",
          globalSetup: ["./test/global-setup.ts"],
          include: ["test/**/*.test.ts"],
          exclude: ["test/node/**", "test/browser/**"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts"],
          // Many of these run the build tooling as a child process: seconds each on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["./test/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
