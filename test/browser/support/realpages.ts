/**
 * One real-world page (demo/realpages/) replayed in real Chromium: loaded
 * directly from the origin, then through Consentry for a visitor who has not
 * chosen, then after that visitor clicks "Accept all" (and the page reloads
 * itself when the choice widened its allowlist). Every third-party request is
 * answered by the same stand-ins in every load (the machine is offline), so any
 * difference comes from Consentry. Shared by test/browser/realpages.test.ts and
 * `npm run realpages`.
 */
import type { Browser, Page, Response } from "playwright-core";
import { standIn } from "./leaks.ts";

/** One document's state once it has settled. */
export interface PageLoad {
  /** Uncaught exceptions and rejections (`pageerror`), in order. */
  errors: string[];
  /** Length of the page's visible text (`innerText`), Consentry's own banner and placeholders left out. */
  text: number;
  /** Third-party URLs that reached the network. */
  requests: string[];
  /** Of those, the ones whose host Consentry's Content-Security-Policy for this document refuses. */
  refused: string[];
  /** Navigation start to the end of the load event, from the browser's Navigation Timing. */
  loadMs: number | null;
}

export interface PageRun {
  direct: PageLoad;
  /** Through Consentry, before any choice. */
  before: PageLoad;
  /** Through Consentry, after "Accept all"; null when the page showed no banner to click. */
  after: PageLoad | null;
  /** The page reloaded itself after "Accept all". */
  reloaded: boolean;
}

export interface ReplayOptions {
  /** How long to let a page settle after `load` (timers, late scripts). */
  settleMs?: number;
}

const OWN_HOST = "127.0.0.1";

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** The hosts a Consentry policy admits (`default-src` of the policy that reports to Consentry), or null when there is none. */
export function allowedHosts(headers: readonly { name: string; value: string }[]): string[] | null {
  const policies = headers.filter((h) => h.name.toLowerCase() === "content-security-policy").flatMap((h) => h.value.split(/,|\n/));
  const ours = policies.find((p) => p.includes("/_consentry/csp-report"));
  if (ours === undefined) return null;
  const source = /(?:^|;)\s*default-src([^;]*)/.exec(ours)?.[1] ?? "";
  return source.trim().split(/\s+/).filter((s) => s !== "" && !s.includes("'") && !s.includes(":")).map((s) => s.replace(/^\*\./, ""));
}

function isAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Consentry's own insertions, left out of the text count: the page's text is what is compared. */
const OWN_UI = "[data-consentry-ui], .consentry-placeholder:not(iframe)";

async function settle(page: Page, response: Response | null, errors: string[], requests: string[], settleMs: number): Promise<PageLoad> {
  await page.waitForTimeout(settleMs);
  const allowed = response === null ? null : allowedHosts(await response.headersArray());
  const { text, loadMs } = await page.evaluate((selector) => {
    const ours = [...document.querySelectorAll<HTMLElement>(selector)];
    const display = ours.map((el) => el.style.display);
    for (const el of ours) el.style.display = "none";
    const text = document.body?.innerText.length ?? 0;
    ours.forEach((el, i) => (el.style.display = display[i]!));
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { text, loadMs: navigation === undefined || navigation.loadEventEnd === 0 ? null : navigation.loadEventEnd };
  }, OWN_UI).catch(() => ({ text: 0, loadMs: null }));
  return {
    errors: [...errors],
    text,
    requests: [...requests],
    refused: allowed === null ? [] : requests.filter((url) => !isAllowed(hostOf(url), allowed)),
    loadMs,
  };
}

/** A fresh visitor's context: third parties answered by stand-ins, per-document errors and requests recorded. */
async function open(browser: Browser) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const state = { errors: [] as string[], requests: [] as string[] };
  await context.route("**/*", (route) => {
    const request = route.request();
    const url = request.url();
    if (hostOf(url) === OWN_HOST) return route.continue();
    // A page sending the visitor elsewhere (its own interstitial, a redirect) is a navigation, not a
    // third party loading into the page, and no CSP governs it: answered alike, not counted.
    if (!(request.isNavigationRequest() && request.frame().parentFrame() === null)) state.requests.push(url);
    return standIn(route);
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => state.errors.push(error.message.split("\n")[0]!));
  return { context, page, state };
}

async function goto(page: Page, url: string): Promise<Response | null> {
  try {
    return await page.goto(url, { waitUntil: "load", timeout: 30_000 });
  } catch {
    return null; // a page that never finishes loading is still measured as it stands
  }
}

/** Loads one page directly and through Consentry, before any choice and after "Accept all". */
export async function replay(browser: Browser, direct: string, consentry: string, path: string, options: ReplayOptions = {}): Promise<PageRun> {
  const settleMs = options.settleMs ?? 700;
  const a = await open(browser);
  const directLoad = await settle(a.page, await goto(a.page, `${direct}${path}`), a.state.errors, a.state.requests, settleMs);
  await a.context.close();

  const b = await open(browser);
  try {
    const first = await goto(b.page, `${consentry}${path}`);
    const before = await settle(b.page, first, b.state.errors, b.state.requests, settleMs);
    const accept = b.page.locator("#consentry").getByRole("button", { name: "Accept all" });
    if ((await accept.count()) === 0) return { direct: directLoad, before, after: null, reloaded: false };
    // A reload starts a new document: its errors and requests are counted afresh.
    b.page.on("framenavigated", (frame) => {
      if (frame !== b.page.mainFrame()) return;
      b.state.errors.length = 0;
      b.state.requests.length = 0;
    });
    // The guard reloads as soon as it has the answer (the reload's request leaves at once), or applies the choice in place.
    const main = b.page.mainFrame();
    const reload = b.page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === main, { timeout: 30_000 }).catch(() => null);
    const loaded = b.page.waitForEvent("load", { timeout: 30_000 }).catch(() => null);
    const chosen = b.page.waitForResponse((r) => r.url().endsWith("/_consentry/consent"), { timeout: 10_000 }).catch(() => null);
    await accept.click();
    await chosen;
    const request = await Promise.race([reload, new Promise<null>((resolve) => setTimeout(() => resolve(null), 1_000))]);
    let response: Response | null = null;
    if (request !== null) {
      await loaded;
      response = await request.response().catch(() => null);
    }
    const after = await settle(b.page, response ?? first, b.state.errors, b.state.requests, settleMs);
    return { direct: directLoad, before, after, reloaded: request !== null };
  } finally {
    await b.context.close();
  }
}

/** Errors of `load` that the direct load did not have (as a multiset: the same error twice counts twice). */
export function newErrors(direct: PageLoad, load: PageLoad): string[] {
  const pool = [...direct.errors];
  return load.errors.filter((error) => {
    const i = pool.indexOf(error);
    if (i < 0) return true;
    pool.splice(i, 1);
    return false;
  });
}

/** Relative change of the visible text against the direct load (−0.02 is 2 % less text). */
export function textChange(direct: PageLoad, load: PageLoad): number {
  return direct.text === 0 ? (load.text === 0 ? 0 : 1) : (load.text - direct.text) / direct.text;
}
