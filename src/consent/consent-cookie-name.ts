/**
 * The consent cookie's name. Without a shared `consent.domain` it is
 * `__Host-<cookieName>`: browsers accept a `__Host-` cookie only from this very
 * host, over HTTPS, with `Secure`, `Path=/` and no `Domain` (RFC 6265bis §4.1.3.2),
 * so a sibling subdomain or a network attacker on plain HTTP cannot plant a
 * choice the visitor never made. With a `domain` (the choice shared across
 * subdomains) the prefix is impossible and the plain name is used: every host
 * under that domain can then write it (docs/security.md says what follows).
 *
 * The other spelling, unprefixed before this rule or prefixed before a domain
 * was configured, is still read, but only for its refusals (see read-consent.ts):
 * a planted copy can then withhold consent but never grant it.
 */
import type { CompiledPolicy } from "../policy/compile.ts";

type ConsentConfig = Pick<CompiledPolicy["consent"], "cookieName" | "domain">;

const HOST_PREFIX = "__Host-";

/** The name Consentry writes and trusts. */
export function consentCookieName(consent: ConsentConfig): string {
  return consent.domain === undefined ? `${HOST_PREFIX}${consent.cookieName}` : consent.cookieName;
}

/** The other spelling: read for refusals only, and expired whenever a choice is written. */
export function otherConsentCookieName(consent: ConsentConfig): string {
  return consent.domain === undefined ? consent.cookieName : `${HOST_PREFIX}${consent.cookieName}`;
}

/**
 * Every name that belongs to Consentry, whoever sends it: the origin may not set
 * them and they are never forwarded to it. Compared without regard to case,
 * since browsers match the `__Host-` prefix that way.
 */
export function isOwnCookieName(consent: ConsentConfig, name: string): boolean {
  const lower = name.toLowerCase();
  return lower === consent.cookieName.toLowerCase() || lower === `${HOST_PREFIX}${consent.cookieName}`.toLowerCase();
}
