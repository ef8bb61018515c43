/**
 * The Set-Cookie line that stores a choice. Set by the edge, not by script, so
 * Safari's 7-day cap on script-written cookies does not apply; HttpOnly, so page
 * scripts cannot read or forge it; SameSite=Lax, sent on top-level navigation.
 */
import { stringifySetCookie } from "cookie";
import type { CompiledPolicy } from "../policy/compile.ts";

/** `maxAge` 0 expires the choice (the visitor erased their record). */
export function consentSetCookie(policy: CompiledPolicy, value: string, maxAge = policy.consent.lifetimeDays * 86_400): string {
  return stringifySetCookie({
    name: policy.consent.cookieName,
    value,
    maxAge,
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "lax",
    ...(policy.consent.domain === undefined ? {} : { domain: policy.consent.domain }),
  });
}
