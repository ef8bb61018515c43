/**
 * The benchmark's origin: realistic pages, generated once, served from memory
 * over loopback by node:http so the origin costs as little as possible.
 *
 *   /page-100k   ~100 KB HTML with 30 third-party tags (scripts, inline snippets, iframes, pixels)
 *                and the site's own links, images, scripts and styles (~500 elements)
 *   /page-1m     ~1 MB HTML, same tags
 *   /data.json   a JSON response
 *   /image.png   a 20 KB image
 *   /small       a tiny page with one third-party script (what Consentry inserts)
 *   /gen?kb=N&tags=M[&kind=K]   N KB of HTML with M third-party tags, all of kind K if given (scaling)
 *   /drip        HTML sent in 11 chunks, 100 ms apart (time to first byte)
 *   /huge?mb=N   N MB of HTML streamed in 64 KB chunks (memory)
 *   /visitor, /peer/…   the visitor-side comparison with other banners (visitor.ts)
 */
import { createServer, type Server } from "node:http";
import vendors from "../src/catalog/vendors.json" with { type: "json" };
import { serveRealPages } from "../demo/realpages/serve.ts";
import { serveVisitor } from "./visitor.ts";

const HOSTS = vendors.vendors.flatMap((v) => v.hosts);
/**
 * Text with the site's own elements in it, as real pages have far more of them than
 * third-party tags: relative links, and images and links on the site's own host
 * written as absolute URLs (westhub.app, the benchmark policy's host).
 */
const FILLER =
  `<p>Northwind keeps your team's <a href="/projects">projects</a>, <a href="https://westhub.app/files">files</a> and conversations in one place. ` +
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ".repeat(3) +
  `<img src="https://westhub.app/static/icon.svg" alt="" width="16" height="16"> <img src="/static/avatar.png" alt=""></p>\n`;
/** The site's own scripts and styles in <head>. */
const OWN_HEAD =
  `<link rel="stylesheet" href="/static/app.css"><link rel="stylesheet" href="https://westhub.app/static/theme.css">` +
  `<link rel="icon" href="/favicon.ico"><script src="/static/app.js" defer></script><script src="https://westhub.app/static/vendor.js" defer></script>` +
  `<script>window.__app = { started: Date.now() };</script>\n`;

/** The kinds of third-party tag the pages carry, in the order {@link tag} cycles through them. */
export const TAG_KINDS = ["script src", "inline gtag", "pixel img", "iframe", "inline fbq", "link preconnect", "noscript pixel"] as const;

/** A third-party tag of kind `kind` (default: cycling through all kinds), on one of the catalog's hosts. */
export function tag(i: number, kind = i % TAG_KINDS.length): string {
  const host = HOSTS[i % HOSTS.length];
  switch (kind) {
    case 0:
      return `<script async src="https://${host}/tag.js?id=${i}"></script>\n`;
    case 1:
      return `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-${i}');</script>\n`;
    case 2:
      return `<img src="https://${host}/px?id=${i}" width="1" height="1" alt="">\n`;
    case 3:
      return `<iframe src="https://${host}/embed/${i}" width="560" height="315" title="embed ${i}"></iframe>\n`;
    case 4:
      return `<script>!function(f,b,e,v){f.fbq=f.fbq||function(){};}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','${i}');</script>\n`;
    case 5:
      return `<link rel="preconnect" href="https://${host}">\n`;
    default:
      return `<noscript><img src="https://www.facebook.com/tr?id=${i}&amp;ev=PageView&amp;noscript=1" height="1" width="1" style="display:none" alt=""></noscript>\n`;
  }
}

/** About `kb` KB of HTML: `tags` third-party tags, half in <head>, half spread through <body>. */
export function page(kb: number, tags: number, kind?: number): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench ${kb} KB, ${tags} tags</title>\n${OWN_HEAD}`;
  const headTags = Array.from({ length: Math.ceil(tags / 2) }, (_, i) => tag(i * 2, kind)).join("");
  const bodyTags = Array.from({ length: Math.floor(tags / 2) }, (_, i) => tag(i * 2 + 1, kind));
  let body = "";
  const target = kb * 1024 - head.length - headTags.length - bodyTags.join("").length - 40;
  const per = Math.max(1, Math.floor(target / FILLER.length / Math.max(1, bodyTags.length + 1)));
  for (let i = 0; i <= bodyTags.length; i++) {
    body += FILLER.repeat(per);
    if (i < bodyTags.length) body += bodyTags[i];
  }
  return `${head}${headTags}</head><body>\n${body}</body></html>\n`;
}

/** The smallest page on which Consentry inserts everything: one third-party script makes it inject the guard. */
export const SMALL = `<!doctype html><html><head><title>t</title><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script></head><body><p>x</p></body></html>`;

const PAGES = new Map<string, Buffer>();
function cached(key: string, make: () => string): Buffer {
  let b = PAGES.get(key);
  if (b === undefined) PAGES.set(key, (b = Buffer.from(make())));
  return b;
}
export const IMAGE = Buffer.alloc(20 * 1024, 7);
export const JSON_BODY = Buffer.from(JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b"] })) }));
const COOKIES = ["session=s; Path=/; HttpOnly", "_ga=GA1.1.1.1; Path=/; Max-Age=63072000", "_fbp=fb.1.1.1; Path=/; Max-Age=7776000", "theme=dark; Path=/"];

export function startOrigin(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://origin");
    const html = (body: Buffer) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length, "set-cookie": COOKIES });
      res.end(body);
    };
    if (serveVisitor(url.pathname, res)) return;
    if (serveRealPages(req, res)) return;
    switch (url.pathname) {
      case "/page-100k":
        return html(cached("100k", () => page(100, 30)));
      case "/page-1m":
        return html(cached("1m", () => page(1024, 30)));
      case "/data.json":
        res.writeHead(200, { "content-type": "application/json", "content-length": JSON_BODY.length });
        return res.end(JSON_BODY);
      case "/image.png":
        res.writeHead(200, { "content-type": "image/png", "content-length": IMAGE.length });
        return res.end(IMAGE);
      case "/small":
        return html(cached("small", () => SMALL));
      case "/gen": {
        const kb = Number(url.searchParams.get("kb") ?? 10);
        const tags = Number(url.searchParams.get("tags") ?? 30);
        const kind = url.searchParams.has("kind") ? Number(url.searchParams.get("kind")) : undefined;
        return html(cached(`gen-${kb}-${tags}-${kind}`, () => page(kb, tags, kind)));
      }
      case "/drip": {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.write(`<!doctype html><html><head><title>drip</title>${tag(0)}</head><body>${FILLER}`);
        let n = 0;
        const timer = setInterval(() => {
          n += 1;
          if (n <= 10) res.write(FILLER + tag(n));
          else {
            clearInterval(timer);
            res.end("</body></html>");
          }
        }, 100);
        res.on("close", () => clearInterval(timer));
        return;
      }
      case "/huge": {
        const total = Number(url.searchParams.get("mb") ?? 50) * 1024 * 1024;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.write(`<!doctype html><html><head><title>huge</title>${tag(0)}</head><body>`);
        // 64 KB of text with one pixel in each chunk: the rewriter has work, the page stays text-heavy.
        const chunk = Buffer.from(FILLER.repeat(Math.ceil(65536 / FILLER.length)) + tag(2));
        let sent = 0;
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", pump);
          }
          res.end("</body></html>");
        };
        return pump();
      }
      default:
        res.writeHead(404);
        res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}
