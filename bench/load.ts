/**
 * Load and timing over loopback: autocannon for throughput and latency, with the
 * Worker's CPU time and peak memory read from /proc around each run; fetch for
 * time to first byte and for streaming a large body.
 */
import autocannon from "autocannon";
import { cpuSeconds, peakMiB, resetPeak, rssMiB } from "./procs.ts";

/** A first-time visitor: no consent cookie, an English browser, no compression (see {@link firstByte}). */
export const VISITOR_HEADERS = { "accept-encoding": "identity", "accept-language": "en" };

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  /** CPU ms per request of the watched process; null when none is watched. */
  cpuMs: number | null;
  /** CPU ms per request of wrangler's dev proxy, when watched. */
  proxyCpuMs: number | null;
  /** Peak RSS (VmHWM) of the watched process during the run, MiB. */
  peakMiB: number | null;
  /** Its RSS when the run started, MiB. */
  rssBeforeMiB: number | null;
}

export interface LoadOptions {
  connections: number;
  duration?: number;
  amount?: number;
  /** The workerd process whose CPU and memory are charged to this run. */
  pid?: number | null;
  /** wrangler's dev proxy in front of it, reported apart. */
  proxyPid?: number | null;
}

export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const pid = options.pid ?? null;
  if (pid !== null) resetPeak(pid);
  const rssBeforeMiB = pid === null ? null : rssMiB(pid);
  const proxyPid = options.proxyPid ?? null;
  const cpuBefore = pid === null ? 0 : cpuSeconds(pid);
  const proxyBefore = proxyPid === null ? 0 : cpuSeconds(proxyPid);
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 5 }),
    headers: VISITOR_HEADERS,
  });
  const cpu = pid === null ? 0 : cpuSeconds(pid) - cpuBefore;
  const proxyCpu = proxyPid === null ? 0 : cpuSeconds(proxyPid) - proxyBefore;
  const requests = result.requests.total;
  const perRequest = (seconds: number, watched: number | null) => (watched !== null && requests > 0 ? (seconds * 1000) / requests : null);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.non2xx,
    cpuMs: perRequest(cpu, pid),
    proxyCpuMs: perRequest(proxyCpu, proxyPid),
    peakMiB: pid === null ? null : peakMiB(pid),
    rssBeforeMiB,
  };
}

/** One request, body read to the end. */
export async function drainOnce(url: string): Promise<void> {
  const response = await fetch(url, { headers: VISITOR_HEADERS });
  await response.arrayBuffer();
}

/**
 * Milliseconds to the first body byte and to the end of the body.
 * `identity` by default: with gzip accepted, the local runtime compresses a Worker's
 * response itself and holds the body back (measured separately by the benchmark).
 */
export async function firstByte(url: string, encoding = "identity"): Promise<{ first: number; end: number; contentEncoding: string | null }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { ...VISITOR_HEADERS, "accept-encoding": encoding } });
  const reader = response.body!.getReader();
  await reader.read();
  const first = performance.now() - start;
  while (!(await reader.read()).done);
  return { first, end: performance.now() - start, contentEncoding: response.headers.get("content-encoding") };
}

/**
 * Streams a large page through and reads the Worker's memory: RSS before, the
 * kernel's exact peak during (VmHWM, reset first; sampled RSS where the kernel
 * refuses the reset) and RSS after.
 */
export async function streamThrough(url: string, pid: number): Promise<{ before: number; peak: number; after: number; bytes: number; seconds: number }> {
  const exact = resetPeak(pid);
  const before = rssMiB(pid);
  let sampled = before;
  const timer = setInterval(() => (sampled = Math.max(sampled, rssMiB(pid))), 10);
  const t0 = performance.now();
  let bytes = 0;
  try {
    const response = await fetch(url, { headers: VISITOR_HEADERS });
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).byteLength;
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { before, peak: exact ? peakMiB(pid) : Math.max(sampled, rssMiB(pid)), after: rssMiB(pid), bytes, seconds };
}
