import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OWN_SCRIPT, OWN_SCRIPT_HASH } from "../../demo/tracker-pages.ts";

describe("demo origin", () => {
  it("should admit its own inline script on the hash-only CSP page by that script's real hash", () => {
    expect(createHash("sha256").update(OWN_SCRIPT).digest("base64")).toBe(OWN_SCRIPT_HASH);
  });
});
