/**
 * What a consent banner costs the page: Consentry's insertions (measured on the
 * wire, so it picks up whatever Consentry injects today) against the files a site
 * ships for three open-source banners, taken from their npm packages.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { VISITOR_HEADERS } from "./load.ts";

export interface Weight {
  name: string;
  version: string | null;
  /** What was measured: file names, or how. */
  measured: string;
  raw: number;
  gzip: number;
  /** Requests the browser makes before the banner can show, beyond the page itself. */
  requests: number;
  requestsNote: string;
}

const gz = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/**
 * The peers: the JS and CSS a site includes to show each banner, as their READMEs
 * tell a site to include them (a CDN or self-hosted copy of these same files).
 */
const PEERS = [
  {
    name: "Osano cookieconsent",
    pkg: "cookieconsent",
    files: ["build/cookieconsent.min.js", "build/cookieconsent.min.css"],
    requests: 2,
    note: "script + stylesheet; config inline (`cookieconsent.initialise({…})`), not counted",
  },
  {
    name: "vanilla-cookieconsent",
    pkg: "vanilla-cookieconsent",
    files: ["dist/cookieconsent.umd.js", "dist/cookieconsent.css"],
    requests: 2,
    note: "script + stylesheet; config inline (`CookieConsent.run({…})`), not counted",
  },
  {
    name: "Klaro",
    pkg: "klaro",
    files: ["dist/klaro.js"],
    requests: 2,
    note: "klaro.js (CSS and translations built in) + config.js, as Klaro's README loads it; the config's bytes are the site's own, not counted",
  },
] as const;

function packageVersion(pkg: string): string | null {
  try {
    return (JSON.parse(readFileSync(join("node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

export function peerWeights(): Weight[] {
  return PEERS.map((peer) => {
    const bytes = peer.files.map((f) => readFileSync(join("node_modules", peer.pkg, f)));
    return {
      name: peer.name,
      version: packageVersion(peer.pkg),
      measured: peer.files.map((f) => `\`${peer.pkg}/${f}\``).join(" + "),
      raw: bytes.reduce((n, b) => n + b.length, 0),
      // Each file travels, and is compressed, on its own.
      gzip: bytes.reduce((n, b) => n + gz(b), 0),
      requests: peer.requests,
      requestsNote: peer.note,
    };
  });
}

/** The same small page through Consentry (a first-time EU visitor) and from the origin directly. */
export async function consentryWeight(consentryUrl: string, originUrl: string, path: string): Promise<Weight & { page: { through: number; direct: number } }> {
  const get = async (base: string) => new Uint8Array(await (await fetch(base + path, { headers: VISITOR_HEADERS })).arrayBuffer());
  const through = await get(consentryUrl);
  const direct = await get(originUrl);
  return {
    name: "Consentry",
    version: null,
    measured: "its insertions into a small page: guard with its blocked-host list, banner markup, style and script (page through Consentry minus the origin's page)",
    raw: through.length - direct.length,
    gzip: gz(through) - gz(direct),
    requests: 0,
    requestsNote: "inline in the HTML: no request of its own",
    page: { through: through.length, direct: direct.length },
  };
}
