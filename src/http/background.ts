/**
 * Work that must finish but not hold up the response: `waitUntil` when the
 * runtime gives an execution context (always, in a Worker), else awaited
 * detached so nothing is dropped silently.
 */
import type { Context } from "hono";

export function inBackground(c: Context, work: Promise<unknown>): void {
  let ctx: ExecutionContext | undefined;
  try {
    ctx = c.executionCtx as ExecutionContext;
  } catch {
    ctx = undefined; // Hono throws when the app runs without one (app.request in a script).
  }
  if (ctx !== undefined) ctx.waitUntil(work);
  else void work.catch(() => undefined);
}
