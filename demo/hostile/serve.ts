/**
 * Sends the hostile page set (vectors.ts) from the Node demo origin, headers
 * exactly as each vector wants them (none, repeated, odd codings), which a
 * fetch handler's Response cannot express.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { deflateSync, gzipSync, zstdCompressSync } from "node:zlib";
import { hostileAsset, vectorByPath, type RawResponse } from "./vectors.ts";

function encode(body: Uint8Array | string, coding: RawResponse["encode"]): Buffer {
  const bytes = Buffer.from(body);
  switch (coding) {
    case "deflate":
      return deflateSync(bytes);
    case "zstd":
      return zstdCompressSync(bytes);
    case "gzip":
      return gzipSync(bytes);
    case "gzip-twice":
      return gzipSync(gzipSync(bytes));
    default:
      return bytes;
  }
}

/** Answers `/hostile/…` requests; false for any other path. */
export function serveHostile(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? "/", "http://origin.invalid");
  if (!url.pathname.startsWith("/hostile/")) return false;
  const raw = vectorByPath(url.pathname)?.respond() ?? hostileAsset(url.pathname, url.searchParams.get("cv") ?? "");
  if (raw === null) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("no such vector");
    return true;
  }
  const body = encode(raw.body, raw.encode);
  // Raw header lines: a name given twice goes out twice, an absent Content-Type stays absent.
  const lines: string[] = [];
  for (const [name, value] of raw.headers) lines.push(name, value);
  lines.push("content-length", String(body.length), "cache-control", "no-store");
  res.writeHead(raw.status ?? 200, lines);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
