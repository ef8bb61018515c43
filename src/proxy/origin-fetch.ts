/**
 * One exchange with the origin, with every way it can fail turned into a
 * defined answer:
 * - it cannot be reached (connection refused, reset before the headers, DNS): 502;
 * - it does not answer within ORIGIN_TIMEOUT_MS (default 30 s): the request is
 *   aborted and the visitor gets 504, instead of waiting forever;
 * - it answers with a status the Fetch API cannot represent (600, 999: Response
 *   only takes 200-599, and 101 for an upgrade): 502, instead of a RangeError;
 * - its body stops short of its Content-Length: the body ends as an error (the
 *   connection is cut), never as a complete page. The runtime's HTTP client
 *   already does this for the network; a service binding or an in-process
 *   origin does not, so those bodies are checked here (the HTML rewriter drops
 *   the length the browser would otherwise check).
 * Once the headers are in, the body streams as long as the origin sends it:
 * slow pages, server-sent events and long polls keep working.
 */
import { badGateway, gatewayTimeout } from "./origin-error.ts";
import type { OriginFetch } from "./origin.ts";
import { hasBody } from "./shape-response.ts";

export type OriginResult = { ok: true; response: Response } | { ok: false; response: Response; reason: "unreachable" | "timeout" | "status" };

export interface OriginExchange {
  send: OriginFetch;
  /** The request toward the origin, built with the signal that aborts it. */
  request: (signal: AbortSignal) => Request;
  timeoutMs: number;
  /**
   * The transport does not end a body short of its Content-Length as an error
   * (a service binding, an in-process origin). HTTP/1.1 over the network does:
   * there the check would only cost a stream per response.
   */
  checkLength: boolean;
}

export async function fetchFromOrigin({ send, request: build, timeoutMs, checkLength }: OriginExchange): Promise<OriginResult> {
  const controller = new AbortController();
  const request = build(controller.signal);
  const method = request.method;
  let timer: number | null = null;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`the origin did not answer within ${timeoutMs} ms`));
      resolve("timeout");
    }, timeoutMs);
  });
  let response: Response | "timeout";
  try {
    // The race covers transports that ignore the signal (a test's in-process origin).
    response = await Promise.race([send(request), timedOut]);
  } catch {
    clearTimeout(timer);
    return controller.signal.aborted ? { ok: false, response: gatewayTimeout(), reason: "timeout" } : { ok: false, response: badGateway(), reason: "unreachable" };
  }
  clearTimeout(timer);
  if (response === "timeout") return { ok: false, response: gatewayTimeout(), reason: "timeout" };
  if (!representable(response)) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, response: badGateway(), reason: "status" };
  }
  return { ok: true, response: checkLength && hasBody(method, response.status) ? guardLength(response) : response };
}

/** What a Response can carry onwards: 200-599, or 101 with its socket (Fetch §response constructor). */
function representable(response: Response): boolean {
  if (response.status === 101 || response.webSocket !== null) return true;
  return response.status >= 200 && response.status <= 599;
}

/**
 * A body that must be exactly Content-Length bytes long is passed through a
 * FixedLengthStream, which errors when it ends short. Skipped for a coded body
 * (the runtime decodes it, so its length differs; a cut gzip stream errors in
 * the decoder) and for answers that carry no body (HEAD, 204, 304: their
 * Content-Length describes a body that is not sent, RFC 9110 §8.6).
 */
function guardLength(response: Response): Response {
  const declared = response.headers.get("content-length");
  const coding = (response.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (response.body === null || declared === null || !/^\d{1,15}$/.test(declared.trim()) || (coding !== "identity" && coding !== "")) return response;
  const body = response.body.pipeThrough(new FixedLengthStream(Number(declared)));
  return new Response(body, response);
}
