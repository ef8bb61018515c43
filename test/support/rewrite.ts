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
  /** The visitor sent `Sec-GPC: 1`. */
  gpc?: boolean;
  /** The visitor's Accept-Language. */
  language?: string;
}

const rewriter = createPageRewriter();

export async function rewrite(html: string, options: RewriteOptions = {}): Promise<{ html: string; logs: Record<string, unknown>[]; changed: boolean }> {
  const policy = options.policy ?? westhub;
  const url = options.url ?? `https://${policy.hosts[0]}/`;
  const route = { ...policy.route(new URL(url)), ...(options.mode ? { mode: options.mode } : {}) };
  const consent: ConsentState =
    options.granted === undefined
      ? { status: "absent", choice: null }
      : { status: "valid", choice: { granted: options.granted, refused: [], vendors: [], revision: policy.revision, time: 0, id: "x".repeat(22), gpc: false } };
  const decision = decide({ policy, route, consent, gpc: options.gpc ?? false, dnt: false, jurisdiction: { country: (options.country ?? "DE").split("-")[0]!, region: options.country?.split("-")[1] ?? null, source: "cf" } });
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
  const out = rewriter(response, { policy, decision, route, request: new Request(url, { headers: options.language === undefined ? {} : { "accept-language": options.language } }), log: (line) => logs.push(JSON.parse(line)) });
  if (out === null) return { html: await response.text(), logs, changed: false };
  return { html: await out.text(), logs, changed: true };
}

/** The page without the guard's <script> and <style>, to compare the rest. */
export function withoutGuard(html: string): string {
  return withoutUi(html.replace(/<script[^>]*data-consentry-guard>[\s\S]*?<\/script>/, ""));
}

/** The page without the banner or the settings control (every element marked `data-consentry-ui`). */
export function withoutUi(html: string): string {
  return html.replace(/<(style|script|section|a)\b[^>]*\bdata-consentry-ui\b[^>]*>[\s\S]*?<\/\1>/g, "");
}
