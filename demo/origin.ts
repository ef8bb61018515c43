/**
 * The demo origin as a fetch handler (Request → Response), so it runs the same in
 * Node (`demo/serve.ts`, used by `npm run dev` and as the tests' origin) and
 * anywhere else. Besides the demo pages, it serves the fixtures the proxy tests
 * need: JSON, binary, redirects, 204, 304, echo of request headers.
 */
import { LOGO_PNG } from "./logo.ts";
import { billingPage, dialerPage, homePage, plainPage } from "./pages.ts";
import { ALLOWLIST_CSP, STRICT_CSP, TAG_MANAGER_JS, embedsPage, hashOnlyCsp, strictCspPage, strictPolicyPage, tagManagerPage, trackersPage } from "./tracker-pages.ts";

/** Cookies an ordinary site sets, one of each kind (Expires carries a comma on purpose). */
export const DEMO_COOKIES = [
  "session=s3cr3t; Path=/; HttpOnly; SameSite=Lax",
  "__cf_bm=bm; Path=/; HttpOnly",
  "theme=dark; Path=/; Max-Age=31536000",
  "wh_aid=u-42; Path=/; Max-Age=63072000",
  "_ga=GA1.1.1234567890.1700000000; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT",
  "_fbp=fb.1.1700000000.1234567890; Path=/; Max-Age=7776000",
  "mystery=1; Path=/",
] as const;

/** 4 KiB of every byte value: a "binary image" whose bytes must arrive unchanged. */
export const BINARY = new Uint8Array(4096).map((_, i) => (i * 31 + 7) % 256);

export const JSON_BODY = JSON.stringify({ message: "<script>not html</script>", items: [1, 2, 3] });

function html(body: string, init: ResponseInit = {}, cookies: readonly string[] = DEMO_COOKIES): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  for (const line of cookies) headers.append("set-cookie", line);
  return new Response(body, { ...init, headers });
}

export async function handleOrigin(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname.endsWith("/fixture/set-cookie")) {
    // Test fixture, under any path: answers with the Set-Cookie lines given as `c` parameters.
    return html(plainPage("Fixture", "<p>Cookies set.</p>"), {}, url.searchParams.getAll("c"));
  }
  switch (url.pathname) {
    case "/":
      return html(homePage(), { headers: { "cache-control": "public, max-age=60", etag: '"home-v1"' } });
    case "/billing":
      return html(billingPage());
    case "/dialer":
      return html(dialerPage());
    case "/trackers":
      return html(trackersPage());
    case "/strict-csp":
      return html(strictCspPage(), { headers: { "content-security-policy": STRICT_CSP } });
    case "/hash-csp":
      return html(strictPolicyPage("Hash-only CSP", true), { headers: { "content-security-policy": hashOnlyCsp() } }, []);
    case "/allowlist-csp":
      return html(strictPolicyPage("Allowlist CSP", false), { headers: { "content-security-policy": ALLOWLIST_CSP } }, []);
    case "/own.js":
      return new Response(`window.__firstParty = "ran";`, { headers: { "content-type": "text/javascript" } });
    case "/embeds":
      return html(embedsPage(), {}, []);
    case "/tag-manager":
      return html(tagManagerPage());
    case "/tag-manager.js":
      return new Response(TAG_MANAGER_JS, { headers: { "content-type": "text/javascript" } });
    case "/pricing":
      return html(plainPage("Pricing", "<p>Free forever. Honest.</p>"));
    case "/cookie-policy":
      return html(plainPage("Cookie policy", "<p>The site's own cookie policy lives here.</p><div data-consent-cookie-table><p>The cookie list.</p></div>"), {}, []);
    case "/api/data.json":
      return new Response(JSON_BODY, {
        headers: [["content-type", "application/json"], ["set-cookie", DEMO_COOKIES[4]], ["set-cookie", DEMO_COOKIES[0]]],
      });
    case "/logo.png":
      return new Response(LOGO_PNG, { headers: { "content-type": "image/png", "cache-control": "public, max-age=86400" } });
    case "/binary.png":
      return new Response(BINARY, { headers: { "content-type": "image/png", "cache-control": "public, max-age=86400" } });
    case "/echo":
      return Response.json({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: request.method === "GET" || request.method === "HEAD" ? null : await request.text(),
      });
    case "/redirect/origin":
      // An absolute redirect to the origin's own address: the proxy must rewrite it.
      return new Response(null, { status: 302, headers: { location: `${url.origin}/pricing?from=redirect` } });
    case "/redirect/relative":
      return new Response(null, { status: 301, headers: { location: "/pricing" } });
    case "/redirect/elsewhere":
      return new Response(null, { status: 302, headers: { location: "https://example.org/somewhere" } });
    case "/no-content":
      return new Response(null, { status: 204, headers: [["set-cookie", DEMO_COOKIES[5]]] });
    case "/cached": {
      const etag = '"v1"';
      if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { etag } });
      return html(plainPage("Cached", "<p>Cacheable.</p>"), { headers: { etag, "cache-control": "max-age=0, must-revalidate" } }, []);
    }
    case "/broken-html":
      // Real-world HTML: no </body>, upper-case tags.
      return html(`<!DOCTYPE html><HTML><HEAD><TITLE>Broken</TITLE></HEAD><BODY><P>No closing body tag`, {}, []);
    default:
      return html(plainPage("Not found", "<p>No such page.</p>"), { status: 404 }, []);
  }
}
