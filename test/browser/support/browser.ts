/**
 * Real Chromium (Debian's, driven by playwright-core) with every request
 * intercepted: first-party requests go to Consentry, third-party ones are
 * recorded and answered by stand-ins that behave like the vendors' scripts
 * (they write the vendors' cookies), since the machine has no network.
 */
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
}

/** One Chromium for the whole test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** What a vendor's script does when it runs: report itself and write its cookie. */
const STAND_INS: [RegExp, string, string][] = [
  [/googletagmanager\.com\/gtag\/js/, "text/javascript", `document.cookie="_ga=GA1.1.42.42; path=/";(window.__trackers=window.__trackers||[]).push("gtag");`],
  [/connect\.facebook\.net/, "text/javascript", `document.cookie="_fbp=fb.1.42.42; path=/";(window.__trackers=window.__trackers||[]).push("meta");`],
  [/static\.hotjar\.com/, "text/javascript", `document.cookie="_hjSessionUser_1000000=x; path=/";(window.__trackers=window.__trackers||[]).push("hotjar");`],
  [/snap\.licdn\.com/, "text/javascript", `(window.__trackers=window.__trackers||[]).push("linkedin");`],
  [/fonts\.googleapis\.com/, "text/css", `/* font css */`],
  [/youtube\.com/, "text/html", `<p>video</p>`],
];

export interface Tracked {
  context: BrowserContext;
  page: Page;
  /** Every third-party request the page made, in order. */
  thirdParty: URL[];
}

export interface TrackedOptions {
  javaScript?: boolean;
  headers?: Record<string, string>;
  /** Anything else for the browser context: colour scheme, viewport, locale. */
  context?: BrowserContextOptions;
}

export async function trackedPage(browser: Browser, options: TrackedOptions = {}): Promise<Tracked> {
  const context = await browser.newContext({ ...options.context, javaScriptEnabled: options.javaScript ?? true, extraHTTPHeaders: options.headers ?? {} });
  const thirdParty: URL[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    thirdParty.push(url);
    const standIn = STAND_INS.find(([pattern]) => pattern.test(url.href));
    if (standIn === undefined) return route.fulfill({ status: 204 });
    return route.fulfill({ status: 200, contentType: standIn[1], body: standIn[2] });
  });
  return { context, page: await context.newPage(), thirdParty };
}

export function hosts(urls: readonly URL[]): string[] {
  return [...new Set(urls.map((u) => u.hostname))].sort();
}

export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name).sort();
}
