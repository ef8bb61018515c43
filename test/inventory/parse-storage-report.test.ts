import { describe, expect, it } from "vitest";
import { GUARD_JS } from "../../src/generated/client.ts";
import { MAX_STORAGE_NAME_LENGTH, MAX_STORAGE_NAMES, parseStorageReport } from "../../src/inventory/parse-storage-report.ts";
import { PATHS } from "../../src/paths.ts";

describe("parseStorageReport", () => {
  it("should read the guard's shape: the page's path, then distinct names", () => {
    expect(parseStorageReport(JSON.stringify(["/pricing", "_gcl_ls", "mystery", "_gcl_ls"]))).toEqual({ path: "/pricing", names: ["_gcl_ls", "mystery"] });
  });

  it.each([
    ["not JSON", "{"],
    ["an object", JSON.stringify({ p: "/", k: ["a"] })],
    ["a path alone", JSON.stringify(["/"])],
    ["a path that is not one", JSON.stringify(["https://evil.example/", "a"])],
    ["a protocol-relative path", JSON.stringify(["//evil.example/", "a"])],
    ["a name that is not a string", JSON.stringify(["/", 1])],
    ["an empty name", JSON.stringify(["/", ""])],
    ["a control character", JSON.stringify(["/", "a\nb"])],
    ["a name longer than the guard sends", JSON.stringify(["/", "a".repeat(MAX_STORAGE_NAME_LENGTH + 1)])],
    ["more names than the guard sends", JSON.stringify(["/", ...Array.from({ length: MAX_STORAGE_NAMES + 1 }, (_, i) => `k${i}`)])],
  ])("should drop %s whole", (_, text) => {
    expect(parseStorageReport(text)).toBeNull();
  });

  it("should accept exactly the guard's caps", () => {
    const names = Array.from({ length: MAX_STORAGE_NAMES }, (_, i) => `${i}`.padEnd(MAX_STORAGE_NAME_LENGTH, "x"));
    expect(parseStorageReport(JSON.stringify(["/", ...names]))?.names).toHaveLength(MAX_STORAGE_NAMES);
  });

  it("should be where the guard sends its report", () => {
    expect(GUARD_JS).toContain(`"${PATHS.storageReport}"`);
  });
});
