/**
 * Bounds on what violation reports can cost, per isolate: reports are sent by any
 * browser (or anyone) and must never flood the log or D1. A token bucket caps
 * violations per second; the inventory takes new rows only while a policy has
 * fewer than `maxRows`, and after that only counts rows it already has.
 */
export interface LimiterOptions {
  /** Violations accepted per second, sustained. */
  perSecond: number;
  /** Burst size. */
  burst: number;
  /** Distinct (host, directive, route) rows per policy before new ones are dropped. */
  maxRows: number;
  now: () => number;
}

export class ReportLimiter {
  private tokens: number;
  private last: number;
  private readonly rows = new Map<string, Set<string>>();
  private readonly options: LimiterOptions;

  constructor(options: LimiterOptions) {
    this.options = options;
    this.tokens = options.burst;
    this.last = options.now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.options.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a row may be written: known to this isolate, or room for a new one. */
  admit(policy: string, row: string): boolean {
    let known = this.rows.get(policy);
    if (known === undefined) this.rows.set(policy, (known = new Set()));
    if (known.has(row)) return true;
    if (known.size >= this.options.maxRows) return false;
    known.add(row);
    return true;
  }
}
