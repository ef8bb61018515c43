/**
 * Properties of the consent cookie over generated values: decoding never throws,
 * a choice survives the round trip, and no edit of a signed value is ever read
 * as a choice.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeConsent, encodeConsent, type ConsentChoice } from "../../src/consent/consent-cookie.ts";
import { readConsent } from "../../src/consent/read-consent.ts";
import { resolveSigningKeys } from "../../src/consent/signing-keys.ts";
import { westhub } from "../support/policies.ts";
import { budget, propertyRuns } from "../support/provided.ts";

const RUNS = propertyRuns();
const NOW = 1_790_000_000;
const keys = async () => {
  const resolved = await resolveSigningKeys(env.CONSENT_SECRET, "test");
  if (!resolved.ok) throw new Error(resolved.reason);
  return resolved.keys;
};
const options = async () => ({ policyId: westhub.id, revision: westhub.revision, lifetimeDays: westhub.consent.lifetimeDays, now: NOW, keys: await keys() });

const choice: fc.Arbitrary<ConsentChoice> = fc.record({
  granted: fc.subarray([...westhub.optionalCategories]),
  refused: fc.constant([] as string[]),
  vendors: fc.subarray(["google-ads", "hotjar", "youtube"]),
  revision: fc.constant(westhub.revision),
  time: fc.integer({ min: NOW - 86_400 * 100, max: NOW }),
  id: fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), minLength: 22, maxLength: 22 }),
  gpc: fc.boolean(),
}).map((c) => ({ ...c, refused: westhub.optionalCategories.filter((x) => !c.granted.includes(x)) }));

/** Values shaped like a consent cookie, and anything else. */
const junk = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.array(fc.string({ unit: fc.constantFrom(..."019az~_-AZ"), maxLength: 24 }), { minLength: 8, maxLength: 8 }).map((parts) => parts.join(".")),
);

describe("the consent cookie, over generated values", () => {
  it(`should read any value without throwing, and never as a valid choice (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, async () => {
    const opts = await options();
    await fc.assert(
      fc.asyncProperty(junk, async (value) => {
        const state = await decodeConsent(value, opts);
        expect(["absent", "malformed", "forged"]).toContain(state.status);
        expect(state.choice).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it(`should give back the choice it signed (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, async () => {
    const opts = await options();
    await fc.assert(
      fc.asyncProperty(choice, async (c) => {
        const state = await decodeConsent(await encodeConsent(c, westhub.id, opts.keys[0]!), opts);
        expect(state).toEqual({ status: "valid", choice: c });
      }),
      { numRuns: RUNS },
    );
  });

  it(`should never read an edited value as a choice (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, async () => {
    const opts = await options();
    const edit = fc.record({ at: fc.nat(), char: fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyzAB~._-g") });
    await fc.assert(
      fc.asyncProperty(choice, fc.array(edit, { minLength: 1, maxLength: 3 }), async (c, edits) => {
        const value = await encodeConsent(c, westhub.id, opts.keys[0]!);
        let edited = value;
        for (const { at, char } of edits) {
          const i = at % edited.length;
          edited = edited.slice(0, i) + char + edited.slice(i + 1);
        }
        fc.pre(edited !== value);
        const state = await decodeConsent(edited, opts);
        expect(["malformed", "forged"]).toContain(state.status);
      }),
      { numRuns: RUNS },
    );
  });

  it(`should read whatever Cookie header carries it without throwing (${RUNS} runs)`, { timeout: budget(RUNS, 1) }, async () => {
    const k = await keys();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(junk.map((v) => `__Host-consentry=${v}`), junk.map((v) => `consentry=${v}`), fc.string()), { maxLength: 8 }), async (parts) => {
        const state = await readConsent(parts.join("; "), westhub, k, NOW);
        expect(["absent", "malformed", "forged"]).toContain(state.status);
      }),
      { numRuns: RUNS },
    );
  });
});
