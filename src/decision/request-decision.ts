/**
 * The decision for one request: reads the signals from the request and the
 * environment, then calls the pure `decide`. Shared by the proxy and the
 * consent endpoint.
 */
import { readConsent } from "../consent/read-consent.ts";
import { resolveSigningKeys, type SigningKeys } from "../consent/signing-keys.ts";
import type { ConsentState } from "../consent/consent-cookie.ts";
import type { Env } from "../env.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import { decide, type Decision } from "./decide.ts";
import { resolveJurisdiction, type Jurisdiction } from "./jurisdiction.ts";
import { requestUrl } from "../http/request-url.ts";

export interface RequestSignals {
  consent: ConsentState;
  gpc: boolean;
  dnt: boolean;
  jurisdiction: Jurisdiction;
  keys: SigningKeys;
}

export async function readSignals(request: Request, env: Env, policy: CompiledPolicy, nowMs: number): Promise<RequestSignals> {
  const url = requestUrl(request);
  const keys = await resolveSigningKeys(env.CONSENT_SECRET, url.hostname);
  const consent = keys.ok
    ? await readConsent(request.headers.get("cookie"), policy, keys.keys, Math.floor(nowMs / 1000))
    : { status: "absent" as const, choice: null };
  // `request.cf` is built afresh from JSON on its first read: not read where an override decides.
  const override = env.COUNTRY_OVERRIDE;
  const cf = override !== undefined && override.trim() !== "" ? undefined : (request as Request & { cf?: { country?: unknown; regionCode?: unknown } }).cf;
  return {
    consent,
    // GPC spec §3: only the value "1" is a signal; any other value is ignored.
    gpc: request.headers.get("sec-gpc")?.trim() === "1",
    dnt: request.headers.get("dnt")?.trim() === "1",
    jurisdiction: resolveJurisdiction(cf, override),
    keys,
  };
}

export function decideFor(policy: CompiledPolicy, route: CompiledRoute, signals: RequestSignals): Decision {
  return decide({ policy, route, consent: signals.consent, gpc: signals.gpc, dnt: signals.dnt, jurisdiction: signals.jurisdiction });
}
