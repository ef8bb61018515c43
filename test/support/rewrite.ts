/**
 * Runs the real page rewriter (HTMLRewriter in workerd) over a page for a
 * decision built the way the Worker builds it.
 */
import type { ConsentState } from "../../src/consent/consent-cookie.ts";
import { decide } from "../../src/decision/decide.ts";
import { createPageRewriter } from "../../src/html/page-rewriter.ts";
import type { CompiledPolicy } from "../../src/policy/compile.ts";
import { westhub } from "./policies.ts";

export interface RewriteOptions {
  policy?: CompiledPolicy;
  granted?: string[];
  url?: string;
  headers?: Record<string, string>;
  mode?: "enforce" | "report-only";
  /** Split the body into chunks of this many bytes, as a slow network would. */
  chunk?: number;
  country?: string;
}

const rewriter = createPageRewriter();

export async function rewrite(html: string, options: RewriteOptions = {}): Promise<{ html: string; logs: Record<string, unknown>[]; changed: boolean }> {
  const policy = options.policy ?? westhub;
  const url = options.url ?? `https://${policy.hosts[0]}/`;
  const route = { ...policy.route(new URL(url)), ...(options.mode ? { mode: options.mode } : {}) };
  const consent: ConsentState =
    options.granted === undefined
      ? { status: "absent", choice: null }
      : { status: "valid", choice: { granted: options.granted, refused: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } };
  const decision = decide({ policy, route, consent, gpc: false, dnt: false, jurisdiction: { country: options.country ?? "DE", region: null, source: "cf" } });
  const logs: Record<string, unknown>[] = [];
  const bytes = new TextEncoder().encode(html);
  const size = options.chunk ?? bytes.length;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
      controller.close();
    },
  });
  const response = new Response(body, { headers: { "content-type": "text/html", ...options.headers } });
  const out = rewriter(response, { policy, decision, route, request: new Request(url), log: (line) => logs.push(JSON.parse(line)) });
  if (out === null) return { html: await response.text(), logs, changed: false };
  return { html: await out.text(), logs, changed: true };
}

/** The page without the guard's <script> and <style>, to compare the rest. */
export function withoutGuard(html: string): string {
  return html.replace(/<script[^>]*data-consentry-guard>[\s\S]*?<\/script><style[^>]*>[\s\S]*?<\/style>/, "");
}
