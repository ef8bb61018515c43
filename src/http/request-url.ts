/**
 * The request's URL, parsed once per request. A proxied page used to parse it
 * eight times (routing, policy, signals, origin, headers, rewriter, banner), and
 * each parse crosses into the runtime. Keyed by the Request object, so it goes
 * with it. Callers read it and never change it (build a new URL to change one).
 */
const parsed = new WeakMap<Request, URL>();

export function requestUrl(request: Request): URL {
  let url = parsed.get(request);
  if (url === undefined) parsed.set(request, (url = new URL(request.url)));
  return url;
}
