/**
 * The visitor's side: in Chromium with 4× CPU throttling and a slow-3G network
 * (400 ms round trip, 400 kbit/s each way), how long until the consent banner is
 * visible and until the first contentful paint, for the same page with Consentry's
 * banner (inserted by the edge) and with three open-source banners loaded the way
 * their READMEs say, all served from the same local origin. (vanilla-cookieconsent
 * hides from automated browsers by default, `navigator.webdriver`; its
 * `hideFromBots: false` lets it show here as it does for visitors.)
 */
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { stats, type Stats } from "./stats.ts";

export interface VisitorTiming {
  name: string;
  bannerVisibleMs: Stats;
  firstContentfulPaintMs: Stats;
}

const ARTICLE = `<h1>Northwind</h1>${"<p>Northwind keeps your team's projects, files and conversations in one place. Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>".repeat(20)}`;

function shell(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Visitor</title>${head}</head><body>${ARTICLE}${body}</body></html>`;
}

const file = (pkg: string, path: string) => readFileSync(join("node_modules", pkg, path));

/** Each peer as its README installs it, and the selector of its first-layer banner. */
const PEERS = [
  {
    name: "vanilla-cookieconsent",
    selector: "#cc-main .cm",
    page: shell(
      `<link rel="stylesheet" href="/peer/cc.css">`,
      `<script src="/peer/cc.umd.js"></script><script>CookieConsent.run({hideFromBots:false,categories:{necessary:{enabled:true,readOnly:true},analytics:{}},language:{default:"en",translations:{en:{consentModal:{title:"Cookies",description:"We use cookies.",acceptAllBtn:"Accept all",acceptNecessaryBtn:"Reject all",showPreferencesBtn:"Customise"},preferencesModal:{title:"Preferences",acceptAllBtn:"Accept all",acceptNecessaryBtn:"Reject all",savePreferencesBtn:"Save",sections:[]}}}}});</script>`,
    ),
  },
  {
    name: "Klaro",
    selector: ".klaro .cookie-notice, .klaro .cookie-modal",
    page: shell(
      `<script>var klaroConfig={testing:false,elementID:"klaro",storageMethod:"cookie",cookieName:"klaro",default:false,mustConsent:false,acceptAll:true,services:[{name:"analytics",title:"Analytics",purposes:["analytics"]}]};</script><script defer data-config="klaroConfig" src="/peer/klaro.js"></script>`,
      "",
    ),
  },
  {
    name: "Osano cookieconsent",
    selector: ".cc-window",
    page: shell(
      `<link rel="stylesheet" href="/peer/osano.css">`,
      `<script src="/peer/osano.js"></script><script>window.addEventListener("load",function(){window.cookieconsent.initialise({palette:{popup:{background:"#000"},button:{background:"#f1d600"}},type:"opt-in"})});</script>`,
    ),
  },
] as const;

let assets: Record<string, [string, Buffer]> | undefined;

/**
 * The benchmark origin's `/visitor` (the plain page Consentry is put in front of)
 * and `/peer/…` (each peer's page and files). False for any other path.
 */
export function serveVisitor(path: string, res: ServerResponse): boolean {
  assets ??= {
    "/peer/cc.css": ["text/css", file("vanilla-cookieconsent", "dist/cookieconsent.css")],
    "/peer/cc.umd.js": ["text/javascript", file("vanilla-cookieconsent", "dist/cookieconsent.umd.js")],
    "/peer/klaro.js": ["text/javascript", file("klaro", "dist/klaro.js")],
    "/peer/osano.css": ["text/css", file("cookieconsent", "build/cookieconsent.min.css")],
    "/peer/osano.js": ["text/javascript", file("cookieconsent", "build/cookieconsent.min.js")],
  };
  const asset = assets[path];
  if (asset !== undefined) {
    res.writeHead(200, { "content-type": asset[0], "content-length": asset[1].length });
    res.end(asset[1]);
    return true;
  }
  const peer = PEERS.find((p) => path === `/peer/${encodeURIComponent(p.name)}`);
  if (peer === undefined && path !== "/visitor") return false;
  const body = Buffer.from(peer?.page ?? shell("", ""));
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  res.end(body);
  return true;
}

/** Loads `url` in a throttled tab; answers when `selector` became visible and when content was first painted, in ms from navigation. */
async function once(browser: Browser, url: string, selector: string): Promise<{ banner: number; fcp: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 });
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __bannerAt?: number };
    const check = () => {
      const el = document.querySelector(sel);
      if (el !== null) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none" && Number(style.opacity) > 0) {
          w.__bannerAt = performance.now();
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, selector);
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction(() => (window as unknown as { __bannerAt?: number }).__bannerAt !== undefined, undefined, { timeout: 60_000 });
  const result = await page.evaluate(() => ({
    banner: (window as unknown as { __bannerAt: number }).__bannerAt,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
  }));
  await context.close();
  return result;
}

export async function visitorTimings(browser: Browser, consentryUrl: string, originUrl: string, runs: number): Promise<VisitorTiming[]> {
  const setups = [{ name: "Consentry", url: `${consentryUrl}/visitor`, selector: "#consentry" }, ...PEERS.map((p) => ({ name: p.name, url: `${originUrl}/peer/${encodeURIComponent(p.name)}`, selector: p.selector }))];
  const samples = new Map<string, { banner: number[]; fcp: number[] }>(setups.map((s) => [s.name, { banner: [], fcp: [] }]));
  // The set-ups take turns, so a slow moment of the machine spreads over all of them.
  for (let i = 0; i < runs; i++) {
    for (const setup of setups) {
      const r = await once(browser, setup.url, setup.selector);
      samples.get(setup.name)!.banner.push(r.banner);
      samples.get(setup.name)!.fcp.push(r.fcp);
    }
  }
  return setups.map((s) => ({ name: s.name, bannerVisibleMs: stats(samples.get(s.name)!.banner), firstContentfulPaintMs: stats(samples.get(s.name)!.fcp) }));
}
