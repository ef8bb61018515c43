/**
 * Any policy file, however broken, either compiles or fails with a PolicyError
 * naming the file, the path and the reason: never another exception, so a bad
 * policy always stops the build with a readable message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/policy/load.ts";
import { PolicyError } from "../../src/policy/policy-error.ts";
import { policyInput } from "../support/arbitraries.ts";
import { catalog, westhubInput, wherebyInput } from "../support/policies.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();

describe("policies, over generated files", () => {
  it(`should compile or fail with a PolicyError, never anything else (${RUNS} runs)`, { timeout: budget(RUNS, 3) }, () => {
    let valid = 0;
    fc.assert(
      fc.property(policyInput([westhubInput, wherebyInput], catalog.vendors.map((v) => v.id)), (data) => {
        const file = `policies/${String(data.id)}.json`;
        try {
          const policy = loadPolicy(file, data, catalog);
          expect(policy.id).toBe(data.id);
          valid += 1;
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyError);
          // One line per issue, each `file: path: reason`.
          for (const line of (error as PolicyError).message.split("\n")) expect(line.startsWith(`${file}: `)).toBe(true);
          expect((error as PolicyError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator is no use if it only ever writes broken files.
    expect(valid).toBeGreaterThan(RUNS / 10);
  });
});
