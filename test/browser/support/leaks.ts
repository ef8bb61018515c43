/**
 * What a page makes the browser reach for beyond its own origin, measured in real
 * Chromium: every HTTP request of the page, its frames and its workers that goes
 * out to the network (routing sees exactly those; Playwright's `request` event
 * also fires for loads the page's CSP refuses before any request is made, so it
 * would over-count), every WebSocket opened, and navigations away. Nothing loads for
 * real (the machine is offline): third parties get the same stand-in answers
 * with and without Consentry, so a difference can only come from Consentry.
 * Shared by test/browser/leaks.test.ts and `npm run leaks`.
 */
import type { Browser, BrowserContext, Page, Route } from "playwright-core";

export interface Load {
  url: string;
  host: string;
  /** The vector the URL names (`cv=`), if any. */
  cv: string | null;
  kind: "http" | "websocket";
}

export interface Measured {
  /** What the page loaded until it settled. */
  loads: Load[];
  /** Everything loaded in this context so far, later navigations and pages included. */
  all: () => Load[];
  context: BrowserContext;
  page: Page;
}

export interface MeasureOptions {
  javaScript?: boolean;
  /** How long to let the page settle after `load` (late scripts, media, refresh). */
  settleMs?: number;
  /** Runs in every frame before the page's own scripts. */
  initScript?: () => void;
}

const GIF = Buffer.from("R0lGODlhAQABAAAAACwAAAAAAQABAAA=", "base64");

/** Stand-ins by what was asked for: the page's own code then runs exactly as with the real thing unreachable. */
export function standIn(route: Route): Promise<void> {
  const type = route.request().resourceType();
  if (type === "script") return route.fulfill({ status: 200, contentType: "text/javascript", body: "" });
  if (type === "stylesheet") return route.fulfill({ status: 200, contentType: "text/css", body: "" });
  if (type === "image") return route.fulfill({ status: 200, contentType: "image/gif", body: GIF });
  if (type === "document") return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>third party</title>" });
  return route.fulfill({ status: 204 });
}

function cvOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get("cv");
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** Loads `url`, records every load that leaves `url`'s own host. */
export async function measure(browser: Browser, url: string, options: MeasureOptions = {}): Promise<Measured> {
  const own = new URL(url).hostname;
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, serviceWorkers: "block" });
  const loads = new Map<string, Load>();
  const record = (target: string, kind: Load["kind"]) => {
    const host = hostOf(target);
    if (host === "" || host === own || /^(?:data|blob|about|javascript):/.test(target)) return;
    if (!loads.has(`${kind} ${target}`)) loads.set(`${kind} ${target}`, { url: target, host, cv: cvOf(target), kind });
  };
  // Routing sees every request that reaches the network, from the page, its frames and its workers.
  await context.route("**/*", (route) => {
    const target = route.request().url();
    if (hostOf(target) === own) return route.continue();
    record(target, "http");
    return standIn(route);
  });
  if (options.initScript !== undefined) await context.addInitScript(options.initScript);
  context.on("page", (opened) => opened.on("websocket", (socket) => record(socket.url(), "websocket")));
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load", timeout: 15_000 });
  } catch (error) {
    // A vector may navigate away (meta refresh) or never finish loading (a broken encoding): what it loaded still counts.
    // A page that never arrived at all (nothing listening) proves nothing: that is an error.
    if (page.url() === "about:blank") throw error;
  }
  await page.waitForTimeout(options.settleMs ?? 600);
  return { loads: [...loads.values()], all: () => [...loads.values()], context, page };
}
