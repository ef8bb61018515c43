import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OWN_SCRIPT, OWN_SCRIPT_HASH } from "../../demo/tracker-pages.ts";

describe("demo origin", () => {
  it("should admit its own inline script on the hash-only CSP page by that script's real hash", () => {
    expect(createHash("sha256").update(OWN_SCRIPT).digest("base64")).toBe(OWN_SCRIPT_HASH);
  });
});

describe("demo site, as a newcomer sees it", () => {
  it("should serve a real PNG as its logo", async () => {
    const { handleOrigin } = await import("../../demo/origin.ts");
    const response = await handleOrigin(new Request("http://demo/logo.png"));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([64, 64]);
  });

  it("should link its cookie settings to a page that exists under any policy", async () => {
    const { homePage } = await import("../../demo/pages.ts");
    const { PATHS } = await import("../../src/paths.ts");
    expect(homePage()).toContain(`<a href="${PATHS.settings}">Cookie Settings</a>`);
  });
});

describe("npm run dev", () => {
  it("should say in one line that a port is busy, and stop", { timeout: 60_000 }, async () => {
    const { createServer } = await import("node:net");
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as import("node:net").AddressInfo).port;
    const { spawn } = await import("node:child_process");
    const run = await new Promise<{ status: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ["scripts/dev.ts", "--port", String(port)]);
      let stderr = "";
      let stdout = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d));
      child.stdout.on("data", (d: Buffer) => (stdout += d));
      child.on("close", (status) => resolve({ status, stderr, stdout }));
    });
    busy.close();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`npm run dev: port ${port} is in use (another npm run dev?): stop it, or choose another with --port N\n`);
    expect(run.stdout).toBe("");
  });
});
