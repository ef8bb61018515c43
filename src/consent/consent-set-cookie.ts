/**
 * The Set-Cookie line that stores a choice. Set by the edge, not by script, so
 * Safari's 7-day cap on script-written cookies does not apply; HttpOnly, so page
 * scripts cannot read or forge it; SameSite=Lax, sent on top-level navigation;
 * `__Host-` with Secure and Path=/ unless a domain is shared (consent-cookie-name.ts).
 */
import { stringifySetCookie } from "cookie";
import type { CompiledPolicy } from "../policy/compile.ts";
import { consentCookieName, otherConsentCookieName } from "./consent-cookie-name.ts";

/** `maxAge` 0 expires the choice (the visitor erased their record). */
export function consentSetCookie(policy: CompiledPolicy, value: string, maxAge = policy.consent.lifetimeDays * 86_400): string {
  return stringifySetCookie({
    name: consentCookieName(policy.consent),
    value,
    maxAge,
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "lax",
    ...(policy.consent.domain === undefined ? {} : { domain: policy.consent.domain }),
  });
}

/**
 * Expires the other spelling of the consent cookie (the unprefixed one from
 * before `__Host-`): written next to every new choice, so old copies go away.
 * Host-only and Path=/ (a `__Host-` cookie can have no Domain; the unprefixed one
 * was set host-only); a copy planted with a Domain is left to expire, and is read
 * for refusals only meanwhile.
 */
export function otherConsentExpiry(policy: CompiledPolicy): string {
  return stringifySetCookie({
    name: otherConsentCookieName(policy.consent),
    value: "",
    maxAge: 0,
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "lax",
  });
}
