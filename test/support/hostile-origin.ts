/**
 * An origin that misbehaves on purpose, served over real HTTP by Node (started by
 * test/global-setup.ts): what a broken or hostile server behind Consentry can do
 * that a fetch handler cannot show. Each path is one fault or one attack:
 *
 *   /status/N          an answer with status N (600, 999: out of the range Fetch can represent)
 *   /hang              accepts the request and never answers
 *   /truncated[?type=] declares Content-Length 4000, sends 100 bytes, closes the connection
 *   /reset             chunked HTML, then the connection is reset mid-body
 *   /gzip-truncated    a gzip body cut in half (Content-Length matches what is sent)
 *   /drip-slow         HTML in six chunks 300 ms apart
 *   /huge-headers      one response header of 200 KB
 *   /error             a 500 page that sets cookies like any page
 *   /headers?h=Name:value&…&c=set-cookie-line…   any headers and Set-Cookie lines, HTML body
 *   /ws                a WebSocket 101 that sets tracker cookies on the handshake
 */
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

const PAGE = "<!doctype html><html><head><title>Hostile</title></head><body><p>start</p>";
const TRACKER_COOKIES = ["_ga=GA1.1.1.1; Path=/", "session=s; Path=/; HttpOnly"];

export function startHostileOrigin(port = 0): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://hostile.invalid");
    const path = url.pathname;
    const status = /^\/status\/(\d{3})$/.exec(path);
    if (status !== null) {
      res.writeHead(Number(status[1]), { "content-type": "text/html", "set-cookie": TRACKER_COOKIES });
      return void res.end(`${PAGE}<p>odd status</p></body></html>`);
    }
    switch (path) {
      case "/hang":
        return; // never answers; the socket stays open until the client gives up
      case "/truncated": {
        const type = url.searchParams.get("type") ?? "text/html; charset=utf-8";
        res.writeHead(200, { "content-type": type, "content-length": "4000" });
        res.write(`${PAGE}<p>`.padEnd(100, "x"));
        return void setTimeout(() => res.socket?.destroy(), 20);
      }
      case "/reset": {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": TRACKER_COOKIES });
        res.write(`${PAGE}<p>first half</p>`);
        return void setTimeout(() => res.socket?.resetAndDestroy(), 20);
      }
      case "/gzip-truncated": {
        const whole = gzipSync(`${PAGE}${"<p>compressed</p>".repeat(400)}</body></html>`);
        const half = whole.subarray(0, Math.floor(whole.length / 2));
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": String(half.length) });
        return void res.end(half);
      }
      case "/drip-slow": {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": TRACKER_COOKIES });
        res.write(PAGE);
        let n = 0;
        const timer = setInterval(() => {
          n += 1;
          if (n < 6) res.write(`<p>drop ${n}</p>`);
          else {
            clearInterval(timer);
            res.end(`<p id="end">last drop</p></body></html>`);
          }
        }, 300);
        return void res.on("close", () => clearInterval(timer));
      }
      case "/huge-headers":
        res.writeHead(200, { "content-type": "text/html", "x-huge": "h".repeat(200 * 1024) });
        return void res.end(`${PAGE}</body></html>`);
      case "/error":
        res.writeHead(500, { "content-type": "text/html; charset=utf-8", "set-cookie": TRACKER_COOKIES });
        return void res.end(`${PAGE}<p>the origin failed</p></body></html>`);
      case "/headers": {
        const headers: Record<string, string | string[]> = { "content-type": "text/html; charset=utf-8" };
        const status = Number(url.searchParams.get("status") ?? 200);
        for (const pair of url.searchParams.getAll("h")) {
          const colon = pair.indexOf(":");
          headers[pair.slice(0, colon).toLowerCase()] = pair.slice(colon + 1);
        }
        const cookies = url.searchParams.getAll("c");
        if (cookies.length > 0) headers["set-cookie"] = cookies;
        res.writeHead(status, headers);
        return void res.end(`${PAGE}<p id="end">headers</p></body></html>`);
      }
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        return void res.end("no such fault");
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (req, socket) => {
    const key = req.headers["sec-websocket-key"];
    if (typeof key !== "string") return void socket.destroy();
    // RFC 6455 §4.2.2, plus cookies a tracker would like the browser to keep.
    const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
    socket.write(
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        `Sec-WebSocket-Accept: ${accept}\r\nSet-Cookie: _ga=GA1.1.9.9; Path=/\r\nSet-Cookie: _fbp=fb.1.9.9; Path=/\r\nSet-Cookie: session=ws; Path=/\r\n\r\n`,
    );
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
