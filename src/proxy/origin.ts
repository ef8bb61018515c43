/**
 * Reaching the origin. The target is ORIGIN_URL when set (path and query kept),
 * otherwise the request's own URL: on a Worker route, `fetch()` of the same URL
 * goes on to the origin server. The transport is the ORIGIN service binding when
 * bound, otherwise the network. Redirects are never followed: the browser must see them.
 */
import { requestUrl } from "../http/request-url.ts";

export function originTarget(requestUrl: URL, originUrl: URL | null): URL {
  if (originUrl === null) return requestUrl;
  const target = new URL(originUrl);
  target.pathname = originUrl.pathname.replace(/\/$/, "") + requestUrl.pathname;
  target.search = requestUrl.search;
  return target;
}

/** Encodings the Workers runtime can decode, so HTMLRewriter sees text (workerd#6432). */
const DECODABLE = new Set(["gzip", "br"]);

/** `gzip, deflate, br, zstd` → `gzip, br`; null when the client accepts none of them. */
export function restrictAcceptEncoding(value: string | null): string | null {
  if (value === null) return null;
  const kept = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => {
      const [coding = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
      return DECODABLE.has(coding) && !params.some((p) => /^q=0(?:\.0{0,3})?$/.test(p));
    });
  return kept.length === 0 ? null : kept.join(", ");
}

/** `signal` aborts the exchange (ORIGIN_TIMEOUT_MS, origin-fetch.ts). */
export function originRequest(request: Request, target: URL, cookie: string | null, signal?: AbortSignal): Request {
  const headers = new Headers(request.headers);
  if (cookie === null) headers.delete("cookie");
  else headers.set("cookie", cookie);
  const encoding = restrictAcceptEncoding(headers.get("accept-encoding"));
  if (encoding === null) headers.delete("accept-encoding");
  else headers.set("accept-encoding", encoding);
  const incoming = requestUrl(request);
  if (target.host !== incoming.host) {
    headers.set("x-forwarded-host", incoming.host);
    headers.set("x-forwarded-proto", incoming.protocol.replace(":", ""));
  }
  // Sec-GPC and DNT are forwarded untouched: "HTTP intermediaries MUST NOT remove
  // a Sec-GPC header set to 1" (GPC spec §3).
  return new Request(target, {
    method: request.method,
    headers,
    body: request.method === "GET" || request.method === "HEAD" ? null : request.body,
    redirect: "manual",
    ...(signal === undefined ? {} : { signal }),
  });
}

export type OriginFetch = (request: Request) => Promise<Response>;
