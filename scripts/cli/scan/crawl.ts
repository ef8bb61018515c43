/**
 * Crawls a site over HTTP: same-origin links breadth first, within a depth and a
 * page limit, following same-origin redirects by hand so every hop's
 * `Set-Cookie` is seen, and sending back the cookies received (a browser would,
 * and some cookies only appear on a second request). Same-origin stylesheets and
 * scripts are read too: their `url()`s and the hosts they name count.
 */
import { cssUrls, extractPage, hostsInCode } from "./extract-page.ts";
import { parseSetCookie, type ObservedCookie } from "./set-cookie.ts";

export interface CrawlOptions {
  /** Link hops from the start page (0: the start page only). */
  depth: number;
  /** Pages fetched at most (HTML pages; stylesheets and scripts not counted). */
  pages: number;
  timeoutMs: number;
  onPage?: (url: string, done: number) => void;
}

export interface SeenCookie extends ObservedCookie {
  /** The first page (path) that set it. */
  firstSeen: string;
  /** The Set-Cookie line as sent (for the Worker's own judgement in `explain`). */
  line?: string;
}

export interface SeenHost {
  host: string;
  via: Set<string>;
  /** Paths of the pages that load it. */
  pages: Set<string>;
}

export interface CrawlResult {
  start: URL;
  pages: { path: string; status: number; type: string }[];
  cookies: Map<string, SeenCookie>;
  hosts: Map<string, SeenHost>;
  inlineScripts: string[];
  /** The response headers of the start page (`verify` and `explain` read Consentry's own). */
  startHeaders: Headers | null;
}

const MAX_REDIRECTS = 5;
const MAX_ASSETS = 40;

export async function crawl(start: URL, options: CrawlOptions): Promise<CrawlResult> {
  const result: CrawlResult = { start, pages: [], cookies: new Map(), hosts: new Map(), inlineScripts: [], startHeaders: null };
  const jar = new Map<string, string>();
  const queued = new Set<string>([key(start)]);
  const queue: { url: URL; depth: number }[] = [{ url: start, depth: 0 }];
  const assets = new Set<string>();
  const siteHost = start.hostname;

  const addHost = (url: URL, via: string, page: string) => {
    if (url.hostname === siteHost) return;
    const seen = result.hosts.get(url.hostname) ?? { host: url.hostname, via: new Set<string>(), pages: new Set<string>() };
    seen.via.add(via);
    seen.pages.add(page);
    result.hosts.set(url.hostname, seen);
  };

  /** GET with the jar, same-origin redirects followed; records every Set-Cookie. */
  const get = async (url: URL, page: string): Promise<{ response: Response; url: URL } | null> => {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const headers: Record<string, string> = { "user-agent": "consentry-scan/1 (+https://github.com/consentry)", accept: "text/html,*/*;q=0.8" };
      if (jar.size > 0) headers.cookie = [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
      let response: Response;
      try {
        response = await fetch(current, { headers, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        throw new Error(`cannot fetch ${current.href}: ${fetchFailure(error)}`);
      }
      for (const line of response.headers.getSetCookie()) {
        const cookie = parseSetCookie(line, current.pathname);
        if (cookie === null) continue;
        const value = line.slice(line.indexOf("=") + 1).split(";")[0] ?? "";
        if (cookie.lifetime !== null && cookie.lifetime <= 0) jar.delete(cookie.name);
        else jar.set(cookie.name, value);
        if (!result.cookies.has(cookie.name)) result.cookies.set(cookie.name, { ...cookie, firstSeen: page, line });
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null && URL.canParse(location, current)) {
        const next = new URL(location, current);
        await response.body?.cancel();
        if (next.origin !== start.origin) {
          addHost(next, "redirect", page);
          return null;
        }
        current = next;
        continue;
      }
      return { response, url: current };
    }
    return null;
  };

  while (queue.length > 0 && result.pages.length < options.pages) {
    const { url, depth } = queue.shift()!;
    const page = url.pathname + url.search;
    options.onPage?.(page, result.pages.length);
    const fetched = await get(url, page);
    if (fetched === null) continue;
    const { response } = fetched;
    if (result.startHeaders === null) result.startHeaders = response.headers;
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    result.pages.push({ path: page, status: response.status, type });
    if (type !== "text/html") {
      await response.body?.cancel();
      continue;
    }
    const html = await response.text();
    const found = extractPage(html, fetched.url);
    result.inlineScripts.push(...found.inlineScripts);
    for (const { host, via } of found.inlineHosts) if (host !== siteHost) addHost(new URL(`https://${host}/`), via, page);
    for (const load of found.loads) {
      addHost(load.url, load.via, page);
      // Same-origin stylesheets and scripts: what they load or name counts too.
      if (load.url.origin === start.origin && /^(?:link stylesheet|script)$/.test(load.via) && !assets.has(load.url.href) && assets.size < MAX_ASSETS) {
        assets.add(load.url.href);
        const asset = await get(load.url, page);
        if (asset === null) continue;
        const text = await asset.response.text();
        if (load.via === "script") {
          for (const host of hostsInCode(text)) if (host !== siteHost) addHost(new URL(`https://${host}/`), `script ${load.url.pathname}`, page);
        } else {
          for (const raw of cssUrls(text)) if (URL.canParse(raw, load.url)) addHost(new URL(raw, load.url), `css ${load.url.pathname}`, page);
        }
      }
    }
    if (depth >= options.depth) continue;
    for (const link of found.links) {
      const k = key(link);
      if (queued.has(k)) continue;
      queued.add(k);
      queue.push({ url: link, depth: depth + 1 });
    }
  }
  return result;
}

function key(url: URL): string {
  return url.origin + url.pathname + url.search;
}


/** Why a fetch failed, in a word: `ECONNREFUSED`, `ENOTFOUND`, `bad port`, a timeout. */
export function fetchFailure(error: unknown): string {
  if ((error as Error).name === "TimeoutError") return "no answer in time (--timeout)";
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
