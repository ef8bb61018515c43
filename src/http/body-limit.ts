/**
 * The size limit on every body Consentry reads itself (a choice, an erasure).
 * Counted as the body streams, whatever its framing: `Content-Length` alone
 * proves nothing about a chunked body (issue: 100 MB were read and parsed).
 * A choice is a few hundred bytes; 8 KiB leaves room for any policy's categories.
 */
import { bodyLimit } from "hono/body-limit";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";

export const MAX_BODY_BYTES = 8 * 1024;

export function consentryBodyLimit(maxSize = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: `the body is larger than ${maxSize} bytes` }, 413, { "cache-control": "no-store" }),
  });
}
