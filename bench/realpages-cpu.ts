/**
 * CPU per real page: every page of the real-page set (demo/realpages/, pages
 * nobody here wrote) fetched through the pass-through Worker and through
 * Consentry, the runtime's CPU time read from /proc around a fixed number of
 * requests per page. Consentry's extra CPU for a page is the difference.
 *
 * /proc counts CPU in 10 ms ticks: `requests` per page (default 40) keeps that
 * tick's share per request at 0.25 ms. The set-ups take turns page by page, so
 * another process on the machine weighs on both alike.
 */
import { realPages } from "../demo/realpages/pages.ts";
import { load } from "./load.ts";

export interface RealPageCpu {
  id: string;
  bytes: number;
  passthroughMs: number;
  consentryMs: number;
  extraMs: number;
}

interface Target {
  url: string;
  pid: number;
}

async function cpuPerRequest(target: Target, path: string, requests: number): Promise<number> {
  const r = await load(target.url + path, { connections: 2, amount: requests, pid: target.pid });
  if (r.errors > 0) throw new Error(`${path}: ${r.errors} failed requests through ${target.url}`);
  return r.cpuMs ?? NaN;
}

export async function realPagesCpu(passthrough: Target, consentry: Target, options: { requests: number; limit?: number; log: (line: string) => void }): Promise<RealPageCpu[]> {
  const pages = realPages().slice(0, options.limit ?? Infinity);
  const rows: RealPageCpu[] = [];
  for (const [i, page] of pages.entries()) {
    const path = `/realpages/${page.id}`;
    // One request each first: the page's first pass warms what the isolate caches per policy and route.
    await load(passthrough.url + path, { connections: 1, amount: 2 });
    await load(consentry.url + path, { connections: 1, amount: 2 });
    const passthroughMs = await cpuPerRequest(passthrough, path, options.requests);
    const consentryMs = await cpuPerRequest(consentry, path, options.requests);
    rows.push({ id: page.id, bytes: page.bytes, passthroughMs, consentryMs, extraMs: consentryMs - passthroughMs });
    if ((i + 1) % 25 === 0 || i + 1 === pages.length) options.log(`real pages: ${i + 1}/${pages.length} measured`);
  }
  return rows;
}
