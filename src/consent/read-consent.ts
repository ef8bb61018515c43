/**
 * The visitor's stored choice, from the request's Cookie header.
 *
 * Which copy counts (RFC 6265 lets several cookies of one name arrive, from
 * different paths or domains, and the header does not say which is which):
 * - the `__Host-` copy (consent-cookie-name.ts) can only have been set by this
 *   host, so it is the one trusted, and there can only be one of it;
 * - a copy under the other spelling (the unprefixed name from before `__Host-`)
 *   may have been planted by a sibling subdomain: only its refusals stand, as a
 *   stale choice's do, so it can withhold consent but never grant it;
 * - with a shared `consent.domain` every copy could be anyone's: when valid
 *   copies disagree, the least permissive one counts.
 * At most MAX_COPIES copies of each name are verified: a header stuffed with
 * thousands of copies costs a bounded number of HMACs.
 */
import { splitCookieHeader } from "../http/cookie-header.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { decodeConsent, type ConsentState, type ConsentStatus } from "./consent-cookie.ts";
import { consentCookieName, otherConsentCookieName } from "./consent-cookie-name.ts";

const RANK: Record<ConsentStatus, number> = { valid: 5, stale: 4, expired: 3, forged: 2, malformed: 1, absent: 0 };
const MAX_COPIES = 4;

export async function readConsent(
  cookieHeader: string | null,
  policy: CompiledPolicy,
  keys: readonly CryptoKey[],
  now: number,
): Promise<ConsentState> {
  const trusted = consentCookieName(policy.consent);
  const other = otherConsentCookieName(policy.consent);
  const options = { policyId: policy.id, revision: policy.revision, lifetimeDays: policy.consent.lifetimeDays, now, keys };
  let best: ConsentState = { status: "absent", choice: null };
  // Counted per name: copies of the other spelling, which anyone on the domain can plant, cannot crowd out the trusted one.
  const copies = new Map<string, number>();
  for (const cookie of splitCookieHeader(cookieHeader)) {
    if (cookie.name !== trusted && cookie.name !== other) continue;
    const seen = (copies.get(cookie.name) ?? 0) + 1;
    copies.set(cookie.name, seen);
    if (seen > MAX_COPIES) continue;
    let state = await decodeConsent(cookie.value, options);
    // Refusals only: a stale state keeps its refusals and grants nothing (decide.ts).
    if (cookie.name === other && state.choice !== null) state = { status: "stale", choice: state.choice };
    if (better(state, best)) best = state;
  }
  return best;
}

function better(candidate: ConsentState, current: ConsentState): boolean {
  if (RANK[candidate.status] !== RANK[current.status]) return RANK[candidate.status] > RANK[current.status];
  // Two valid copies that disagree: the one granting less wins (only possible with a shared domain).
  if (candidate.status === "valid" && candidate.choice !== null && current.choice !== null) {
    return candidate.choice.granted.length < current.choice.granted.length;
  }
  // Two stale ones: the one refusing more.
  if (candidate.status === "stale" && candidate.choice !== null && current.choice !== null) {
    return candidate.choice.refused.length > current.choice.refused.length;
  }
  return false;
}
