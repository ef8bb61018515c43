/**
 * Sends the real-world pages (pages.ts) from the Node demo origin under
 * `/realpages/<id>`, byte for byte as saved, with the charset the page declares
 * in Content-Type as its own server did. Anything else under `/realpages/` (the
 * pages' own relative images, styles and scripts, which were not saved) is a
 * plain 404, the same with and without Consentry.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { declaredCharset, pagePath } from "./pages.ts";

/** Answers `/realpages/…` requests; false for any other path. */
export function serveRealPages(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? "/", "http://origin.invalid");
  if (!url.pathname.startsWith("/realpages/")) return false;
  const path = pagePath(url.pathname.slice("/realpages/".length));
  if (path === null) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    return true;
  }
  const body = readFileSync(path);
  const charset = declaredCharset(body);
  res.writeHead(200, { "content-type": `text/html${charset === null ? "" : `; charset=${charset}`}`, "cache-control": "no-store", "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
