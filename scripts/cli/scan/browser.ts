/**
 * `scan --browser`: the crawled pages loaded in Chromium (Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH, driven by playwright-core), so cookies
 * written by JavaScript and requests scripts make after load are found too.
 * Adds to the crawl's findings; cookies of other sites' domains are left out
 * (the policy governs the site's own; third parties are judged by host).
 */
import type { CrawlResult } from "./crawl.ts";

export interface BrowseOptions {
  timeoutMs: number;
  /** How long to let scripts run after `load`, at most (default 3000 ms). */
  settleMs?: number;
  onPage?: (path: string) => void;
}

export async function browse(result: CrawlResult, options: BrowseOptions): Promise<void> {
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new Error("--browser needs playwright-core (npm install playwright-core)");
  }
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  } catch (error) {
    throw new Error(`--browser could not start Chromium at ${executablePath} (npm run setup installs it; CHROMIUM_PATH picks another): ${(error as Error).message.split("\n")[0]}`);
  }
  const site = result.start.hostname;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    let current = "/";
    page.on("request", (request) => {
      if (!URL.canParse(request.url())) return;
      const url = new URL(request.url());
      if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === site) return;
      const seen = result.hosts.get(url.hostname) ?? { host: url.hostname, via: new Set<string>(), pages: new Set<string>() };
      seen.via.add(`browser ${request.resourceType()}`);
      seen.pages.add(current);
      result.hosts.set(url.hostname, seen);
    });
    for (const visited of result.pages.filter((p) => p.type === "text/html")) {
      current = visited.path;
      options.onPage?.(current);
      try {
        await page.goto(new URL(current, result.start).href, { waitUntil: "load", timeout: options.timeoutMs });
        await page.waitForLoadState("networkidle", { timeout: options.settleMs ?? 3000 }).catch(() => {});
      } catch {
        // A page that does not load in time still counts for what it did so far.
      }
      const now = Date.now() / 1000;
      for (const cookie of await context.cookies()) {
        const domain = cookie.domain.replace(/^\./, "");
        if (!(site === domain || site.endsWith(`.${domain}`))) continue;
        if (result.cookies.has(cookie.name)) continue;
        result.cookies.set(cookie.name, {
          name: cookie.name,
          domain: cookie.domain.startsWith(".") ? domain : null,
          path: cookie.path,
          lifetime: cookie.expires < 0 ? null : Math.round(cookie.expires - now),
          script: true,
          firstSeen: current,
        });
      }
    }
  } finally {
    await browser.close();
  }
}
