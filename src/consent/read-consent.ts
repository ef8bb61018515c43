/**
 * The visitor's stored choice, from the request's Cookie header. Several cookies
 * of the same name can arrive (different paths or domains); the best one counts.
 */
import { splitCookieHeader } from "../http/cookie-header.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { decodeConsent, type ConsentState, type ConsentStatus } from "./consent-cookie.ts";

const RANK: Record<ConsentStatus, number> = { valid: 5, stale: 4, expired: 3, forged: 2, malformed: 1, absent: 0 };

export async function readConsent(
  cookieHeader: string | null,
  policy: CompiledPolicy,
  keys: readonly CryptoKey[],
  now: number,
): Promise<ConsentState> {
  let best: ConsentState = { status: "absent", choice: null };
  for (const cookie of splitCookieHeader(cookieHeader)) {
    if (cookie.name !== policy.consent.cookieName) continue;
    const state = await decodeConsent(cookie.value, {
      policyId: policy.id,
      revision: policy.revision,
      lifetimeDays: policy.consent.lifetimeDays,
      now,
      keys,
    });
    if (RANK[state.status] > RANK[best.status]) best = state;
    if (best.status === "valid") break;
  }
  return best;
}
