/**
 * Where a cookie of a given name may live in the browser, so that expiring it
 * reaches every copy. A browser keeps one cookie per (name, domain, path)
 * (RFC 6265 §5.3 step 11; Chromium also tells a host-only cookie from a domain
 * cookie for the same host), and an expiry line deletes only the copy whose
 * domain and path it names. Google Analytics writes `_ga` from script with
 * `Domain=<registrable domain>`; a site may set cookies on `Path=/billing`.
 *
 * Domains: host-only, the request host itself, and each parent domain, up to the
 * registrable domain: never the last label (a TLD), never a known multi-label
 * public suffix, never anything for an IP address or a single-label host.
 * Browsers refuse a Domain that is a public suffix anyway (RFC 6265 §5.3 step 5),
 * so the short list below only saves header bytes; it is no security boundary
 * and does not need to be the whole Public Suffix List.
 *
 * Paths: for a cookie the browser just sent, its path is a prefix of the request
 * path (RFC 6265 §5.1.4 path-match), so the request path's ancestors cover it;
 * otherwise the paths the policy declares and the origin was seen to use.
 */

/** Multi-label public suffixes common enough to be worth skipping (see above). */
const PUBLIC_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "sch.uk", "nhs.uk",
  "com.au", "net.au", "org.au", "edu.au", "gov.au", "co.nz", "org.nz", "net.nz", "govt.nz",
  "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "com.cn", "net.cn", "org.cn", "gov.cn",
  "com.br", "net.br", "org.br", "com.mx", "com.ar", "com.tr", "co.in", "net.in", "org.in", "co.za",
  "com.sg", "com.hk", "com.tw", "co.il", "com.pl", "com.es", "co.at", "or.at", "com.ua", "com.ru",
  "github.io", "gitlab.io", "pages.dev", "workers.dev", "netlify.app", "vercel.app", "herokuapp.com",
  "appspot.com", "web.app", "firebaseapp.com", "blogspot.com", "azurewebsites.net", "cloudfront.net",
  "fly.dev", "onrender.com", "glitch.me", "r2.dev",
]);

const MAX_DOMAINS = 6;
const MAX_PATH_DEPTH = 4;

/** `www.shop.example.co.uk` → `www.shop.example.co.uk`, `shop.example.co.uk`, `example.co.uk`. */
export function parentDomains(host: string): string[] {
  let name = host.toLowerCase();
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (name === "" || !name.includes(".") || /^[\d.]+$/.test(name) || name.startsWith("[")) return [];
  const labels = name.split(".");
  const domains: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) {
    const domain = labels.slice(i).join(".");
    if (PUBLIC_SUFFIXES.has(domain)) break;
    domains.push(domain);
  }
  // The deepest hosts lose their longest names first: the registrable domain is the one scripts use.
  return domains.slice(-MAX_DOMAINS);
}

/** `/a/b/c` → `/`, `/a`, `/a/b`, `/a/b/c` (at most MAX_PATH_DEPTH segments deep). */
export function pathAncestors(path: string): string[] {
  const segments = path.split("?", 1)[0]!.split("/").filter((s) => s !== "").slice(0, MAX_PATH_DEPTH);
  const paths = ["/"];
  for (let i = 1; i <= segments.length; i++) paths.push(`/${segments.slice(0, i).join("/")}`);
  return paths;
}

/** RFC 6265 §5.1.3: whether a cookie for `domain` can be sent to `host`. */
export function domainMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, "");
  const d = domain.toLowerCase().replace(/^\./, "").replace(/\.$/, "");
  return d !== "" && (h === d || h.endsWith(`.${d}`));
}
