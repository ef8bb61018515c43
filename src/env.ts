/**
 * The Worker's bindings. All are optional: with none set, Consentry passes
 * requests through to the route's own origin under the `POLICY` policy. Values
 * that cannot work (a POLICY naming no policy, a bad ORIGIN_URL or
 * ORIGIN_TIMEOUT_MS) stop the Worker from starting (src/config/check-bindings.ts).
 */
import type { Receipt } from "./receipts/receipt.ts";

export interface Env {
  /** Policy for hostnames no policy's `hosts` claims: a file name in policies/ without `.json`. */
  POLICY?: string;
  /** Where the site lives. Unset: the request goes through to the route's own origin. */
  ORIGIN_URL?: string;
  /** How long to wait for the origin's response headers, in milliseconds (default 30000): then 504. */
  ORIGIN_TIMEOUT_MS?: string;
  /** A service binding to the origin Worker; takes precedence over fetching ORIGIN_URL over the network. */
  ORIGIN?: Fetcher;
  /** Share of enforced responses whose refusals are logged (default 0.01; src/config/refusal-log-rate.ts). */
  REFUSAL_LOG_RATE?: string;
  /** Forces the visitor's jurisdiction, e.g. `DE` or `US-CA` (local testing, staging). */
  COUNTRY_OVERRIDE?: string;
  /** HMAC secret(s) for the consent cookie, comma-separated for rotation. A Worker secret. */
  CONSENT_SECRET?: string;
  /** D1 database of proof-of-consent receipts (migrations/). Unset: receipts go to the queue or the log. */
  RECEIPTS?: D1Database;
  /** Queue that takes receipts D1 could not, and writes them when it can (src/receipts/receipt-queue.ts). */
  RECEIPT_QUEUE?: Queue<Receipt>;
  /** Workers Rate Limiting: choices and erasures per client, shared across isolates (src/http/client-limit.ts). */
  CONSENT_RATE_LIMIT?: RateLimit;
  /** Workers Analytics Engine: enforce mode's refusals counted by policy, route, category, vendor and host (src/enforce/refusal-counts.ts). */
  ANALYTICS?: AnalyticsEngineDataset;
}

export interface AppEnv {
  Bindings: Env;
}

declare global {
  // `import { env } from "cloudflare:workers"` is typed with our bindings.
  namespace Cloudflare {
    interface Env extends ConsentryBindings {}
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
    }
  }
}
type ConsentryBindings = Env;
