/**
 * The Worker as deployed (src/index.ts), called with bindings of the test's
 * choosing: a hostile origin, a short timeout, a broken D1, no secret. Its
 * background work (`waitUntil`) can be awaited.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index.ts";
import type { Env } from "../../src/env.ts";
import { EU, type Visit } from "./visitor.ts";

export interface Call extends Visit {
  /** Bindings that replace the test environment's. */
  bindings?: Partial<Env>;
}

export interface Called {
  response: Response;
  /** Resolves when the request's background work (receipts) has finished. */
  settled(): Promise<void>;
}

export async function callWorker(url: string, { cf = EU, headers = {}, method = "GET", body, bindings = {} }: Call = {}): Promise<Called> {
  const init: RequestInit & { cf: Record<string, unknown> } = { method, headers, cf, redirect: "manual" };
  if (body !== undefined) init.body = body;
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(url, init) as Request<unknown, IncomingRequestCfProperties>, { ...env, ...bindings }, ctx);
  return { response, settled: () => waitOnExecutionContext(ctx) };
}

/** Reads the whole body; `{ error }` when the stream breaks instead of ending. */
export async function readBody(response: Response): Promise<{ text: string; error: null } | { text: null; error: string }> {
  try {
    return { text: await response.text(), error: null };
  } catch (error) {
    return { text: null, error: String(error) };
  }
}
