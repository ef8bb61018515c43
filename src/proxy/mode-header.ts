/**
 * `Consentry: policy=westhub; mode=enforce` on every response the proxy shapes,
 * so anyone can check from outside which policy and mode answered
 * (`consentry verify <url>`), during a rollout and after it. It names nothing
 * about the visitor and is the same for every visitor on a route, so caches may
 * keep it. `fail-safe` marks an answer given by the fallback path.
 */
import type { Mode } from "../policy/schema.ts";
import { withHeaders } from "./own-cookies.ts";

export const MODE_HEADER = "Consentry";

export function modeHeaderValue(policyId: string, mode: Mode, failSafe = false): string {
  return `policy=${policyId}; mode=${mode}${failSafe ? "; fail-safe" : ""}`;
}

/** The response with the header set; a WebSocket handshake (101) is left as it is. */
export function withModeHeader(response: Response, policyId: string, mode: Mode, failSafe = false): Response {
  if (response.status === 101 || response.webSocket !== null) return response;
  const value = modeHeaderValue(policyId, mode, failSafe);
  try {
    response.headers.set(MODE_HEADER, value);
    return response;
  } catch {
    // Immutable headers (a response straight from fetch): copy them.
    const headers = new Headers(response.headers);
    headers.set(MODE_HEADER, value);
    return withHeaders(response, headers);
  }
}
