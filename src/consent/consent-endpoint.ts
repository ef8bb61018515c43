/**
 * POST /_consentry/consent: records the visitor's choice. Accepts a plain form
 * (the banner without JavaScript, answered with 303 back to the page) or JSON
 * (the banner with JavaScript, answered with JSON). Refuses cross-site requests.
 * Sets the signed consent cookie and expires the cookies of every category the
 * choice leaves denied.
 *
 * Bounded (issue: a chunked 100 MB body was read whole, every POST wrote a
 * receipt): the body is capped by `consentryBodyLimit` (app.ts) whatever its
 * framing, a client gets `ClientLimiter`'s number of choices per minute, and a
 * receipt is written only when the choice differs from the one the visitor holds.
 */
import type { Handler } from "hono";
import { decideFor, readSignals } from "../decision/request-decision.ts";
import { revocationLines } from "../enforce/revoke.ts";
import type { Logger } from "../enforce/report.ts";
import type { AppEnv } from "../env.ts";
import { allowlistFor } from "../allowlist/allowlist.ts";
import { consentModeState } from "../html/consent-mode.ts";
import { guardCookieRules } from "../html/guard-rules.ts";
import { safeReturnPath } from "../http/return-path.ts";
import { isSameOrigin } from "../http/same-origin.ts";
import type { PolicyRegistry } from "../policy/registry.ts";
import { buildReceipt } from "../receipts/receipt.ts";
import { storeReceipt } from "../receipts/receipt-store.ts";
import { inBackground } from "../http/background.ts";
import type { ClientLimiter } from "../http/client-limit.ts";
import type { SeenScopes } from "../enforce/seen-scopes.ts";
import { formToChoiceInput, makeChoice, parseChoiceRequest } from "./choice.ts";
import { sameChoice } from "./choice-changed.ts";
import { encodeConsent, newReceiptId } from "./consent-cookie.ts";
import { consentSetCookie, otherConsentExpiry } from "./consent-set-cookie.ts";
import type { ConsentAnswer } from "../wire.ts";

export interface ConsentEndpointOptions {
  registry: PolicyRegistry;
  log: Logger;
  now: () => number;
  limiter: ClientLimiter;
  seen?: SeenScopes;
}

export function consentEndpoint({ registry, log, now, limiter, seen }: ConsentEndpointOptions): Handler<AppEnv> {
  return async (c) => {
    const request = c.req.raw;
    const noStore = { "cache-control": "no-store" };
    if (!isSameOrigin(request)) return c.json({ error: "cross-site request refused" }, 403, noStore);
    const url = new URL(request.url);
    const policy = registry.select(url.hostname, c.env?.POLICY);
    if (policy === undefined) return c.json({ error: "no policy for this host" }, 404, noStore);
    if (!(await limiter(request, c.env?.CONSENT_RATE_LIMIT))) {
      return c.json({ error: "too many choices from this address; try again in a minute" }, 429, { ...noStore, "retry-after": "60" });
    }

    const isJson = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
    let input: unknown;
    try {
      input = isJson ? await request.json() : formToChoiceInput(await request.formData());
    } catch {
      return c.json({ error: "the body is not a form or JSON" }, 400, noStore);
    }
    const parsed = parseChoiceRequest(input);
    if (!parsed.ok) return c.json({ error: parsed.error }, 400, noStore);

    const nowMs = now();
    const signals = await readSignals(request, c.env ?? {}, policy, nowMs);
    if (!signals.keys.ok) {
      log(JSON.stringify({ consentry: "misconfigured", reason: signals.keys.reason }));
      return c.json({ error: "consent cannot be stored right now" }, 503, noStore);
    }
    const made = makeChoice(policy, parsed.request, { now: Math.floor(nowMs / 1000), id: newReceiptId(), gpc: signals.gpc });
    if (!made.ok) return c.json({ error: made.error }, 400, noStore);
    // The same answer again: the visitor keeps the choice (and the receipt) they have.
    const held = signals.consent.status === "valid" ? signals.consent.choice : null;
    const unchanged = held !== null && sameChoice(held, made.choice);
    const choice = unchanged ? held : made.choice;

    const returnPath = safeReturnPath(parsed.request.return);
    const route = policy.route(new URL(returnPath, url));
    const decision = decideFor(policy, route, { ...signals, consent: { status: "valid", choice } });
    const headers = new Headers(noStore);
    headers.append("set-cookie", consentSetCookie(policy, await encodeConsent(choice, policy.id, signals.keys.keys[0]!)));
    headers.append("set-cookie", otherConsentExpiry(policy));
    const where = { host: url.hostname, path: url.pathname, secure: url.protocol === "https:", ...(seen === undefined ? {} : { seen }) };
    for (const line of revocationLines(policy, route, decision, request.headers.get("cookie"), where)) {
      headers.append("set-cookie", line);
    }
    if (!unchanged) {
      // The proof is written after the response: never in the visitor's way.
      const receipt = buildReceipt(policy, choice, parsed.request.action, decision);
      inBackground(c, storeReceipt(receipt, { db: c.env?.RECEIPTS, queue: c.env?.RECEIPT_QUEUE, log }));
    }

    if (isJson) {
      headers.set("content-type", "application/json");
      // `cookies`: the rules the client guard applies to script-written cookies from now on.
      const list = allowlistFor({ policy, decision, route });
      const body: ConsentAnswer = {
        receipt: choice.id,
        granted: [...choice.granted],
        refused: [...choice.refused],
        vendors: [...choice.vendors],
        allowed: [...decision.allowed],
        hosts: list.open ? null : list.hosts.join(" "),
        cookies: guardCookieRules(policy, decision.allowed, decision.vendorGrants),
        consentMode: consentModeState(policy, decision),
      };
      return new Response(JSON.stringify(body), { status: 200, headers });
    }
    headers.set("location", returnPath);
    return new Response(null, { status: 303, headers });
  };
}
