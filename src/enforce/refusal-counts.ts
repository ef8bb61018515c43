/**
 * Enforce mode's counts in Workers Analytics Engine, when an `ANALYTICS` dataset
 * is bound: what each response refused, by policy, route, site, category,
 * vendor and kind (cookie or third-party host), so a dashboard or the SQL API can
 * sum what was blocked without a log line per request. Nothing about the
 * visitor: no address, no path, no consent id.
 *
 * A response's refusals are grouped into one data point per (kind, name,
 * category, vendor, reason), the count in double1; Analytics Engine samples by
 * index, here the policy, and a query weighs each row by `_sample_interval`.
 * `writeDataPoint` is synchronous and returns at once (the runtime sends the
 * points after the response), so the response never waits for it. Without the
 * binding nothing is collected.
 */
import type { Logger } from "./report.ts";

export interface Refused {
  kind: "cookie" | "host";
  /** The cookie's name or the third-party host. */
  name: string;
  category: string | null;
  vendor: string | null;
  reason: string;
}

export interface TallyScope {
  policy: string;
  /** The route's pattern (`/billing{/*}?`, or `(default)`). */
  route: string;
  /** The site's own host name the response was for. */
  site: string;
}

/** Points per response at most; the rest is folded into one `(other)` point, so a page of a thousand tags stays cheap. */
export const MAX_POINTS = 20;

/**
 * blob1 policy, blob2 route, blob3 site, blob4 category, blob5 vendor, blob6 kind
 * (`cookie` | `third-party`), blob7 the cookie or host, blob8 the reason; double1
 * the count; index1 the policy. Empty strings stand for "none" (blobs are text).
 */
export function refusalDataPoints(refused: readonly Refused[], scope: TallyScope): AnalyticsEngineDataPoint[] {
  const groups = new Map<string, { r: Refused; count: number }>();
  for (const r of refused) {
    const key = [r.kind, r.name, r.category ?? "", r.vendor ?? "", r.reason].join("\u0000");
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { r, count: 1 });
    else group.count += 1;
  }
  const sorted = [...groups.values()];
  const kept = sorted.length <= MAX_POINTS ? sorted : sorted.slice(0, MAX_POINTS - 1);
  const points = kept.map(({ r, count }) => point(scope, [r.category ?? "", r.vendor ?? "", r.kind === "cookie" ? "cookie" : "third-party", r.name, r.reason], count));
  if (kept.length < sorted.length) {
    const rest = sorted.slice(kept.length).reduce((n, g) => n + g.count, 0);
    points.push(point(scope, ["", "", "other", "(other)", "other"], rest));
  }
  return points;
}

function point(scope: TallyScope, blobs: string[], count: number): AnalyticsEngineDataPoint {
  return { indexes: [scope.policy], blobs: [scope.policy, scope.route, scope.site, ...blobs], doubles: [count] };
}

/** Collects one response's refusals and writes them in one go. */
export class RefusalTally {
  private refused: Refused[] = [];
  private readonly dataset: AnalyticsEngineDataset;
  private readonly scope: TallyScope;
  private readonly log: Logger;

  constructor(dataset: AnalyticsEngineDataset, scope: TallyScope, log: Logger) {
    this.dataset = dataset;
    this.scope = scope;
    this.log = log;
  }

  add(refused: Refused): void {
    this.refused.push(refused);
  }

  /** Writes what was collected since the last flush (never throws: a counting fault must not cost the page). */
  flush(): void {
    if (this.refused.length === 0) return;
    const points = refusalDataPoints(this.refused, this.scope);
    this.refused = [];
    try {
      for (const p of points) this.dataset.writeDataPoint(p);
    } catch (error) {
      this.log(JSON.stringify({ consentry: "analytics-write-failed", error: String(error) }));
    }
  }
}
