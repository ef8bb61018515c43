/**
 * How many runs each property-based test makes: 300 by default (CI), more when
 * `CONSENTRY_PROPERTY_RUNS` is set for a nightly-sized run (vitest.config.ts
 * passes it into workerd as a binding).
 */
import { env } from "cloudflare:workers";

export const PROPERTY_RUNS = Number((env as unknown as { PROPERTY_RUNS?: string }).PROPERTY_RUNS) || 300;
