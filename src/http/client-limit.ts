/**
 * How many state-changing requests (a choice, an erasure) one client may make:
 * each can write to D1, so an unbounded client could fill it. The client is its
 * address as Cloudflare reports it (`CF-Connecting-IP`, which a visitor cannot
 * set on a Cloudflare zone), used as a counter key for one window and never
 * stored by Consentry.
 *
 * With the `CONSENT_RATE_LIMIT` binding (Workers Rate Limiting, wrangler.toml)
 * the count is shared by every isolate of a Cloudflare location. Without it, each
 * isolate counts on its own: a client whose requests land on k isolates gets up
 * to k times the limit, so the per-isolate count is a floor, not a guarantee.
 */
export type ClientLimiter = (request: Request, binding: RateLimit | undefined) => Promise<boolean>;

export interface LimitOptions {
  /** Requests per client per window, for the per-isolate count (the binding has its own, in wrangler.toml). */
  limit: number;
  windowMs: number;
  /** Clients tracked at once per isolate; the table starts over when full. */
  maxClients: number;
  now: () => number;
}

const DEFAULTS: LimitOptions = { limit: 60, windowMs: 60_000, maxClients: 10_000, now: Date.now };

/** The key a request is counted under. */
export function clientKey(request: Request): string {
  return request.headers.get("cf-connecting-ip")?.trim() || "unknown";
}

export function createClientLimiter(options: Partial<LimitOptions> = {}): ClientLimiter {
  const { limit, windowMs, maxClients, now } = { ...DEFAULTS, ...options };
  const windows = new Map<string, { start: number; count: number }>();
  return async (request, binding) => {
    const key = clientKey(request);
    if (binding !== undefined) {
      try {
        return (await binding.limit({ key })).success;
      } catch {
        // The binding failed: count here instead of letting everything through.
      }
    }
    const at = now();
    let window = windows.get(key);
    if (window === undefined || at - window.start >= windowMs) {
      if (window === undefined && windows.size >= maxClients) windows.clear();
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window.count <= limit;
  };
}
