/**
 * Consentry's own cookie names belong to Consentry. An origin that sets one
 * (`Set-Cookie: consentry=…` or `__Host-consentry=…`) would overwrite or shadow
 * the visitor's choice, so those lines are removed from every origin response,
 * whatever the route's mode: this protects Consentry's state, not the policy.
 */
import { isOwnCookieName } from "../consent/consent-cookie-name.ts";
import { setCookieName } from "../enforce/cookie-plan.ts";
import type { CompiledPolicy } from "../policy/compile.ts";

/** The names of the lines removed, and the response without them (the same object when there were none). */
export function stripOwnSetCookies(response: Response, policy: CompiledPolicy): { response: Response; stripped: string[] } {
  const lines = response.headers.getSetCookie();
  const stripped = lines.map(setCookieName).filter((name) => isOwnCookieName(policy.consent, name));
  if (stripped.length === 0) return { response, stripped };
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const line of lines) if (!isOwnCookieName(policy.consent, setCookieName(line))) headers.append("set-cookie", line);
  return { response: withHeaders(response, headers), stripped };
}

/** The same response with other headers; a 101 keeps its WebSocket. */
export function withHeaders(response: Response, headers: Headers): Response {
  if (response.status === 101 || response.webSocket !== null) return new Response(null, { status: 101, webSocket: response.webSocket, headers });
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
