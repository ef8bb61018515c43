/**
 * Serves the demo origin over HTTP with Node, plus what a fetch handler cannot
 * show: a gzip-compressed page (`/gzip`), a body that drips slowly (`/drip`) and a
 * WebSocket echo (`/ws`).
 *
 * Usage: node demo/serve.ts [port]   (default 8788; 0 picks a free port)
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { handleOrigin } from "./origin.ts";
import { serveHostile } from "./hostile/serve.ts";
import { serveRealPages } from "./realpages/serve.ts";
import { serveLayouts } from "./layouts/embeds.ts";
import { plainPage } from "./pages.ts";

async function toRequest(req: IncomingMessage, port: number): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  return new Request(`http://127.0.0.1:${port}${req.url ?? "/"}`, {
    method,
    headers,
    body: method === "GET" || method === "HEAD" ? null : Buffer.concat(chunks),
  });
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (head || response.body === null) return void res.end();
  res.end(Buffer.from(await response.arrayBuffer()));
}

function drip(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.write(`<!doctype html><html><head><title>Drip</title></head><body><p id="first">first chunk</p>\n`);
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    if (n <= 4) res.write(`<p>chunk ${n}</p>\n`);
    else {
      clearInterval(timer);
      res.end(`<p id="last">last chunk</p></body></html>`);
    }
  }, 250);
  res.on("close", () => clearInterval(timer));
}

/** RFC 6455 §4.2.2: the handshake, then echo text frames back (unmasked, as a server must). */
function webSocketEcho(req: IncomingMessage, socket: import("node:stream").Duplex): void {
  const key = req.headers["sec-websocket-key"];
  if (typeof key !== "string") return void socket.destroy();
  const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.on("data", (frame: Buffer) => {
    const opcode = frame[0]! & 0x0f;
    if (opcode === 0x8) return void socket.end();
    let length = frame[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      length = frame.readUInt16BE(2);
      offset = 4;
    }
    const mask = frame.subarray(offset, offset + 4);
    const payload = Buffer.from(frame.subarray(offset + 4, offset + 4 + length).map((b, i) => b ^ mask[i % 4]!));
    const text = Buffer.from(`echo:${payload}`);
    const header = text.length < 126 ? Buffer.from([0x81, text.length]) : Buffer.from([0x81, 126, text.length >> 8, text.length & 0xff]);
    const out = Buffer.concat([header, text]);
    socket.write(out);
  });
}

export function startDemoOrigin(port = 8788): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const actual = (server.address() as AddressInfo).port;
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/drip") return drip(res);
    if (serveHostile(req, res)) return;
    if (serveRealPages(req, res)) return;
    if (serveLayouts(req, res)) return;
    if (path === "/gzip") {
      const body = gzipSync(plainPage("Compressed", `<p id="gz">gzip from the origin</p>`));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": body.length });
      return void res.end(body);
    }
    toRequest(req, actual)
      .then(handleOrigin)
      .then((response) => send(res, response, req.method === "HEAD"))
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  server.on("upgrade", (req, socket) => {
    if ((req.url ?? "").startsWith("/ws")) webSocketEcho(req, socket);
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    // A busy port is the caller's to explain (scripts/dev.ts says it in one line).
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({ server, port: actual, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8788);
  const { port: actual } = await startDemoOrigin(port);
  console.log(`demo origin on http://127.0.0.1:${actual}`);
}
