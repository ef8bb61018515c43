/**
 * Requests as a visitor makes them, through the Worker as deployed
 * (`exports.default.fetch`), with a jurisdiction and a signed choice.
 */
import { env, exports } from "cloudflare:workers";
import { encodeConsent, newReceiptId, type ConsentChoice } from "../../src/consent/consent-cookie.ts";
import { consentCookieName } from "../../src/consent/consent-cookie-name.ts";
import { resolveSigningKeys } from "../../src/consent/signing-keys.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";

export const EU = { country: "DE", isEUCountry: "1", continent: "EU" };
export const CALIFORNIA = { country: "US", regionCode: "CA", continent: "NA" };

export interface Visit {
  cf?: Record<string, unknown>;
  headers?: Record<string, string>;
  method?: string;
  body?: BodyInit;
}

export function visit(url: string, { cf = EU, headers = {}, method = "GET", body }: Visit = {}): Promise<Response> {
  const init: RequestInit & { cf: Record<string, unknown> } = { method, headers, cf, redirect: "manual" };
  if (body !== undefined) init.body = body;
  return exports.default.fetch(new Request(url, init));
}

/** A consent cookie as Consentry itself would set it (`name=value`); `name` overrides the cookie's name. */
export async function consentCookie(policy: CompiledPolicy, granted: string[], extra: Partial<ConsentChoice> = {}, name = consentCookieName(policy.consent)): Promise<string> {
  const keys = await resolveSigningKeys(env.CONSENT_SECRET, "test");
  if (!keys.ok) throw new Error(keys.reason);
  const refused = policy.optionalCategories.filter((c) => !granted.includes(c));
  const choice: ConsentChoice = {
    granted,
    refused,
    vendors: [],
    revision: policy.revision,
    time: Math.floor(Date.now() / 1000) - 10,
    id: newReceiptId(),
    gpc: false,
    ...extra,
  };
  return `${name}=${await encodeConsent(choice, policy.id, keys.keys[0]!)}`;
}

/** Names of the cookies a response sets (expiries excluded). */
export function cookiesSet(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .filter((line) => !/Max-Age=0/i.test(line))
    .map((line) => line.slice(0, line.indexOf("=")));
}

/** Names of the cookies a response expires. */
export function cookiesExpired(response: Response): string[] {
  return [...new Set(response.headers.getSetCookie().filter((line) => /Max-Age=0/i.test(line)).map((line) => line.slice(0, line.indexOf("="))))];
}

/** The request headers the origin received, from the demo origin's /echo. */
export async function echoed(response: Response): Promise<Record<string, string>> {
  return ((await response.json()) as { headers: Record<string, string> }).headers;
}
