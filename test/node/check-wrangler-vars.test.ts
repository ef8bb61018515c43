/**
 * The build refuses wrangler.toml vars that cannot work, in one line per problem
 * and without a stack trace; the Worker refuses to start with them (a POLICY
 * given with `--var` never reaches the file the build reads).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const check = (...args: string[]) => spawnSync(process.execPath, ["scripts/check-wrangler-vars.ts", ...args], { encoding: "utf8" });

function configWith(edit: (toml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "consentry-wrangler-"));
  const file = join(dir, "wrangler.toml");
  writeFileSync(file, edit(readFileSync("wrangler.toml", "utf8")));
  return file;
}

describe("scripts/check-wrangler-vars.ts", () => {
  it("should accept the project's wrangler.toml", () => {
    const run = check();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("should refuse a POLICY that names no policy, in one line, without a stack", () => {
    const run = check("--config", configWith((t) => t.replace('POLICY = "westhub"', 'POLICY = "westhb"')));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/wrangler\.toml \[vars\]: POLICY "westhb" names no policy \(policies\/ has: westhub, whereby\)$/)]);
  });

  it("should check every environment's vars", () => {
    const run = check("--config", configWith((t) => `${t}\n[env.staging.vars]\nPOLICY = "whereby"\nORIGIN_TIMEOUT_MS = "soon"\n\n[env.production.vars]\nPOLICY = "wherebye"\n`));
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\[env\.staging\.vars\]: ORIGIN_TIMEOUT_MS must be a whole number/);
    expect(lines[1]).toMatch(/\[env\.production\.vars\]: POLICY "wherebye" names no policy/);
  });

  it("should make the whole build fail, with no stack trace", () => {
    const run = spawnSync(process.execPath, ["scripts/build.ts", "--check", "--config", configWith((t) => t.replace('POLICY = "westhub"', 'POLICY = "nope"'))], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/POLICY "nope" names no policy/)]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("wrangler dev with --var POLICY:westhb", () => {
  it("should refuse to start the Worker and say why in one line", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ["node_modules/wrangler/bin/wrangler.js", "dev", "--ip", "127.0.0.1", "--port", String(port), "--var", "POLICY:westhb", "--inspector-port", String(await freePort()), "--persist-to", mkdtempSync(join(tmpdir(), "consentry-wrangler-"))],
      {
        env: { ...process.env, PATH: `${join(process.cwd(), "node_modules/.bin")}:${process.env.PATH}`, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      const settled = () => output.includes("Consentry cannot start") || output.includes("Ready on") || child.exitCode !== null;
      for (let i = 0; i < 200 && !settled(); i++) await new Promise((r) => setTimeout(r, 500));
      expect(output).toContain('Consentry cannot start: POLICY "westhb" names no policy (policies/ has: westhub, whereby)');
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      child.kill();
    }
  });
});
