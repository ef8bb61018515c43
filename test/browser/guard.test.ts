/**
 * The client guard holds wherever a write comes from, in real Chromium: a
 * `document.cookie` defined on the document itself before any page script (what
 * the EDPS Website Evidence Collector and other audit tools install), a
 * same-origin frame's realm, `cookieStore`; and storage is governed like cookies:
 * `localStorage`, `sessionStorage` and IndexedDB.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cookieNames, trackedPage, useBrowser } from "./support/browser.ts";
import { startConsentry } from "./support/wrangler.ts";

const ORIGIN = inject("origin");
const EU = inject("consentryEU");
const WHEREBY_EU = inject("consentryWherebyEU");
/** WestHub, an EU visitor with no choice: required cookies only. */
const REQUIRED_COOKIES = ["__cf_bm", "session"];

const browser = useBrowser();

/**
 * What the Website Evidence Collector installs before the page runs (its
 * lib/setup-cookie-recording.js): an own `cookie` accessor on the document that
 * records each write and passes it on to the setter it captured first.
 */
function instanceCookieHook(): void {
  const proto = Object.getOwnPropertyDescriptor(Document.prototype, "cookie")!;
  const writes: string[] = [];
  (window as unknown as { __cookieWrites: string[] }).__cookieWrites = writes;
  Object.defineProperty(document, "cookie", {
    configurable: true,
    get: () => proto.get!.call(document),
    set: (value: string) => {
      writes.push(String(value).split("=")[0]!.trim());
      proto.set!.call(document, value);
    },
  });
}

/** The storage reports a context sends (their bodies) and the edge's answers, as they come. */
function storageReports(context: BrowserContext): { bodies: string[]; answers: number[] } {
  const bodies: string[] = [];
  const answers: number[] = [];
  context.on("request", (r) => {
    if (r.url().endsWith("/_consentry/storage-report")) bodies.push(r.postData()!);
  });
  context.on("response", (r) => {
    if (r.url().endsWith("/_consentry/storage-report")) answers.push(r.status());
  });
  return { bodies, answers };
}

async function written(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cookieWrites: string[] }).__cookieWrites);
}

async function instrumented(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await trackedPage(browser());
  await context.addInitScript(instanceCookieHook);
  return { context, page };
}

describe("a cookie property defined on the document before any page script", () => {
  it("should let the tag manager's writes through without Consentry (the control)", async () => {
    const { context, page } = await instrumented();
    await page.goto(`${ORIGIN}/tag-manager`, { waitUntil: "load" });
    expect(await written(page)).toEqual(expect.arrayContaining(["_ga", "_fbp"]));
    expect(await cookieNames(context)).toEqual(expect.arrayContaining(["_ga", "_fbp"]));
    await context.close();
  });

  it("should refuse the tag manager's _ga and _fbp writes before they reach the hook or the jar", async () => {
    const { context, page } = await instrumented();
    await page.goto(`${EU}/tag-manager`, { waitUntil: "load" });
    expect(await page.evaluate(() => (window as unknown as { __tagManager?: string }).__tagManager)).toBe("ran");
    expect(await written(page)).toEqual([]);
    expect(await cookieNames(context)).toEqual(REQUIRED_COOKIES);
    // An allowed write still passes through the tool's hook to the jar.
    await page.evaluate(() => (document.cookie = "csrf=1; path=/"));
    expect(await written(page)).toEqual(["csrf"]);
    expect(await cookieNames(context)).toContain("csrf");
    // The page still reads its refused write back, as the guard promises on the prototype.
    expect(await page.evaluate(() => document.cookie)).toContain("_ga=GA1.1.injected");
    await context.close();
  });
});

describe("other realms and APIs", () => {
  it("should refuse a write from a same-origin about:blank frame, reached by contentDocument or contentWindow", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      document.body.append(frame);
      frame.contentDocument!.cookie = "_ga=frame; path=/";
      frame.contentWindow!.document.cookie = "_fbp=frame; path=/";
      // The frame's own prototype, fetched fresh from its realm, is the guarded one.
      Object.getOwnPropertyDescriptor((frame.contentWindow as unknown as typeof globalThis).Document.prototype, "cookie")!.set!.call(frame.contentDocument, "_gid=frame; path=/");
      frame.contentDocument!.cookie = "csrf=frame; path=/";
    });
    const names = await cookieNames(context);
    expect(names).toContain("csrf");
    expect(names.filter((n) => !["csrf", ...REQUIRED_COOKIES].includes(n))).toEqual([]);
    await context.close();
  });

  it("should refuse a write through a frame reached by window.frames[i], before any script touched the frame element", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    await page.evaluate(() => {
      // Markup parsed into the page and a frame appended: neither element's contentWindow is ever read.
      document.body.insertAdjacentHTML("beforeend", "<iframe></iframe>");
      (frames[frames.length - 1] as Window).document.cookie = "_ga=frames; path=/";
      document.body.append(document.createElement("iframe"));
      (window[window.length - 1] as Window).document.cookie = "_fbp=frames; path=/";
      (window[window.length - 1] as Window).localStorage.setItem("_gcl_ls", "frames");
      (frames[0] as Window).document.cookie = "csrf=frames; path=/";
    });
    const names = await cookieNames(context);
    expect(names).toContain("csrf");
    expect(names.filter((n) => !["csrf", ...REQUIRED_COOKIES].includes(n))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("_gcl_ls"))).toBeNull();
    await context.close();
  });

  it("should refuse writes into an about:blank popup the page opened", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    const opened = await page.evaluate(() => {
      const popup = window.open("about:blank", "_blank");
      if (popup === null) return false;
      popup.document.cookie = "_ga=popup; path=/";
      popup.localStorage.setItem("_gcl_ls", "popup");
      popup.document.cookie = "csrf=popup; path=/";
      popup.close();
      return true;
    });
    expect(opened).toBe(true);
    const names = await cookieNames(context);
    expect(names).toContain("csrf");
    expect(names.filter((n) => !["csrf", ...REQUIRED_COOKIES].includes(n))).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem("_gcl_ls"))).toBeNull();
    await context.close();
  });

  it("should let a srcdoc frame's own inline scripts through (no hook runs there first), and the next page take back what they wrote", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    const ran = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const frame = document.createElement("iframe");
          frame.srcdoc = `<script>document.cookie = "_ga=srcdoc; path=/"; localStorage.setItem("_gcl_ls", "srcdoc"); indexedDB.open("_gcl_db").onsuccess = (e) => (e.target.result.close(), parent.postMessage("ran", "*"));</script>`;
          addEventListener("message", (e) => resolve(String(e.data)));
          setTimeout(() => resolve("timeout"), 3000);
          document.body.append(frame);
        }),
    );
    expect(ran).toBe("ran");
    // The limit: the frame's realm is new and its scripts run before any script of the page can reach it.
    expect(await cookieNames(context)).toContain("_ga");
    expect(await page.evaluate(() => localStorage.getItem("_gcl_ls"))).toBe("srcdoc");

    // The next response from the edge expires the cookie; the guard there clears the key and deletes the database.
    await page.goto(`${EU}/`, { waitUntil: "load" });
    expect(await cookieNames(context)).toEqual(REQUIRED_COOKIES);
    expect(await page.evaluate(() => localStorage.getItem("_gcl_ls"))).toBeNull();
    await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);
    await context.close();
  });

  it("should refuse cookieStore.set of an unconsented cookie and pass an allowed one", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    const store = await page.evaluate(async () => {
      const cs = (window as unknown as { cookieStore?: { set(a: unknown, b?: string): Promise<void> } }).cookieStore;
      if (cs === undefined) return false;
      await cs.set("_ga", "store");
      await cs.set({ name: "_fbp", value: "store" });
      await cs.set("csrf", "store");
      return true;
    });
    expect(store).toBe(true);
    const names = await cookieNames(context);
    expect(names).toContain("csrf");
    expect(names).not.toContain("_ga");
    expect(names).not.toContain("_fbp");
    await context.close();
  });
});

/** The advertising key Google's tags keep in localStorage (`_gcl_ls`, named by the catalog's `^_gcl_.+$`). */
async function storageState(page: Page): Promise<{ local: string | null; session: string | null; idb: string }> {
  return page.evaluate(async () => {
    localStorage.setItem("_gcl_ls", "ad");
    sessionStorage.setItem("_gcl_ss", "ad");
    let idb: string;
    try {
      idb = await new Promise<string>((resolve) => {
        const request = indexedDB.open("_gcl_db");
        request.onsuccess = () => {
          request.result.close();
          resolve("opened");
        };
        request.onerror = () => resolve("error");
      });
    } catch (error) {
      idb = `refused: ${(error as Error).name}`;
    }
    return { local: localStorage.getItem("_gcl_ls"), session: sessionStorage.getItem("_gcl_ss"), idb };
  });
}

/** Makes a choice in place and waits until the page settled (it reloads itself when the choice needs it). */
async function choose(page: Page, action: string, reloads: boolean): Promise<void> {
  // A reload cuts the call short: its promise never settles in this document.
  const call = page.evaluate(([a, reload]) => {
    const settled = (window as unknown as { consentry: { choose(a: string): Promise<void> } }).consentry.choose(a);
    return reload ? undefined : settled;
  }, [action, reloads] as const);
  if (reloads) await Promise.all([page.waitForEvent("load"), call]);
  else await call;
  await page.waitForTimeout(300);
}

describe("storage beyond cookies (Whereby: advertising needs consent)", () => {
  it("should refuse an advertising key before consent, allow it after Accept all, and clear it on withdrawal", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${WHEREBY_EU}/pricing`, { waitUntil: "load" });
    expect(await storageState(page)).toEqual({ local: null, session: null, idb: "refused: TypeError" });
    // A key no rule names follows the unknown-cookie rule: Whereby blocks unknown cookies, so it is refused.
    expect(await page.evaluate(() => (localStorage.setItem("mystery", "1"), localStorage.getItem("mystery")))).toBeNull();

    // Whereby's page holds refused hosts the choice now allows: it reloads.
    await choose(page, "accept-all", true);
    expect(await storageState(page)).toEqual({ local: "ad", session: "ad", idb: "opened" });

    await choose(page, "reject-all", true);
    // Narrowed consent reloads the page; the guard clears what the rules now refuse.
    expect(await page.evaluate(() => [localStorage.getItem("_gcl_ls"), sessionStorage.getItem("_gcl_ss")])).toEqual([null, null]);
    expect(await storageState(page)).toEqual({ local: null, session: null, idb: "refused: TypeError" });
    await context.close();
  });

  it("should delete an IndexedDB database of a withdrawn category on the first page after the choice narrows", async () => {
    const { context, page } = await trackedPage(browser());
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name).sort());
    await page.goto(`${WHEREBY_EU}/pricing`, { waitUntil: "load" });
    await choose(page, "accept-all", true);
    // An advertising database (the catalog's ^_gcl_.+$) and one the rules allow after Accept all alike.
    await page.evaluate(async () => {
      for (const name of ["_gcl_db", "_ga_db"])
        await new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve((request.result.close(), name));
          request.onerror = () => reject(request.error);
        });
    });
    expect(await databases()).toEqual(["_ga_db", "_gcl_db"]);
    await page.goto(`${WHEREBY_EU}/`, { waitUntil: "load" });
    await page.waitForTimeout(300);
    expect(await databases()).toEqual(["_ga_db", "_gcl_db"]); // still consented: kept

    await choose(page, "reject-all", true);
    await expect.poll(databases).toEqual([]);
    await context.close();
  });

  it("should refuse setItem from a frame's realm too", async () => {
    const { context, page } = await trackedPage(browser());
    await page.goto(`${WHEREBY_EU}/pricing`, { waitUntil: "load" });
    const value = await page.evaluate(() => {
      const frame = document.createElement("iframe");
      document.body.append(frame);
      frame.contentWindow!.localStorage.setItem("_gcl_ls", "frame");
      return localStorage.getItem("_gcl_ls");
    });
    expect(value).toBeNull();
    await context.close();
  });
});

describe("storage names reported to the edge", () => {
  // The report leaves on `pagehide`. Playwright does not show the requests of a page that is going
  // (its keepalive loads belong to no page any more), so the tests dispatch the event themselves:
  // the same listener, the same request from Chromium's own network stack.
  const hide = (page: Page) => page.evaluate(() => dispatchEvent(new PageTransitionEvent("pagehide")));

  it("should report the names it refused or did not know once, as the page goes, names only, and the edge take them", async () => {
    const { context, page } = await trackedPage(browser());
    const reports: { body: string | null; headers: Promise<Record<string, string>> }[] = [];
    const answers: number[] = [];
    context.on("request", (r) => {
      if (r.url().endsWith("/_consentry/storage-report")) reports.push({ body: r.postData(), headers: r.allHeaders() });
    });
    context.on("response", (r) => {
      if (r.url().endsWith("/_consentry/storage-report")) answers.push(r.status());
    });
    await page.goto(`${WHEREBY_EU}/pricing`, { waitUntil: "load" });
    await page.evaluate(() => {
      localStorage.setItem("_gcl_ls", "secret-value");
      localStorage.setItem("_gcl_ls", "again");
      sessionStorage.setItem("mystery", "secret-value");
      document.cookie = "_fbp=secret-value; path=/";
      try {
        indexedDB.open("_gcl_db");
      } catch {}
    });
    await page.waitForTimeout(300);
    expect(reports).toEqual([]); // nothing while the page is open
    await hide(page);
    await expect.poll(() => answers).toEqual([204]);
    expect(reports).toHaveLength(1);
    expect(JSON.parse(reports[0]!.body!)).toEqual(["/pricing", "_gcl_ls", "mystery", "_fbp", "_gcl_db"]);
    expect(reports[0]!.body).not.toContain("secret-value");
    // What the endpoint checks before it takes a report (test/inventory/storage-report-endpoint.test.ts).
    expect(await reports[0]!.headers).toMatchObject({ origin: WHEREBY_EU, "content-type": "text/plain;charset=UTF-8" });
    // Restored from the back/forward cache and hidden again: only what is new goes.
    await hide(page);
    await page.evaluate(() => localStorage.setItem("_gcl_later", "v"));
    await hide(page);
    await expect.poll(() => answers).toEqual([204, 204]);
    expect(reports.map((r) => JSON.parse(r.body!))).toEqual([["/pricing", "_gcl_ls", "mystery", "_fbp", "_gcl_db"], ["/pricing", "_gcl_later"]]);
    await context.close();
  });

  it("should cap what it sends: twenty names, 64 characters each", async () => {
    const { context, page } = await trackedPage(browser());
    const { bodies } = storageReports(context);
    await page.goto(`${WHEREBY_EU}/pricing`, { waitUntil: "load" });
    await page.evaluate(() => {
      for (let i = 0; i < 50; i++) localStorage.setItem(`k${i}_${"x".repeat(100)}`, "v");
    });
    await hide(page);
    await expect.poll(() => bodies.length).toBe(1);
    const [path, ...names] = JSON.parse(bodies[0]!) as string[];
    expect(path).toBe("/pricing");
    expect(names).toHaveLength(20);
    expect(names.every((n) => n.length === 64)).toBe(true);
    await context.close();
  });

  it("should send nothing from a page whose scripts wrote only what the rules allow", async () => {
    const { context, page } = await trackedPage(browser());
    const { bodies: reports } = storageReports(context);
    // WestHub names csrf as a required cookie (the Whereby policy names no cookie of its own).
    await page.goto(`${EU}/pricing`, { waitUntil: "load" });
    await page.evaluate(() => (document.cookie = "csrf=1; path=/"));
    expect(await cookieNames(context)).toContain("csrf");
    await hide(page);
    await page.waitForTimeout(500);
    expect(reports).toEqual([]);
    await context.close();
  });

  describe("where the policy lets unknown names pass (WestHub with unknownCookies: allow)", () => {
    let worker: Awaited<ReturnType<typeof startConsentry>> | undefined;
    beforeAll(async () => {
      worker = await startConsentry(ORIGIN, "westhub", "DE", "/pricing", "test/support/unknown-allowed-worker.ts");
    });
    afterAll(() => {
      worker?.process.kill();
    });
    /** The Worker's own `storage-reported` log lines, as `wrangler dev` prints them. */
    const logged = () =>
      worker!
        .output()
        .split("\n")
        .filter((l) => l.includes(`"consentry":"storage-reported"`))
        .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as Record<string, unknown>);

    it("should let an unknown localStorage key pass and report it, and the edge log it as unknown (not a refusal), refusals as before, and nothing the rules allow", async () => {
      const { context, page } = await trackedPage(browser());
      const { bodies: reports, answers } = storageReports(context);
      await page.goto(`${worker!.url}/pricing`, { waitUntil: "load" });
      const stored = await page.evaluate(() => {
        localStorage.setItem("wh_widget_state", "open"); // no rule, no catalog entry names it
        localStorage.setItem("theme", "dark"); // functional: no choice yet in Germany
        document.cookie = "session=1; path=/"; // necessary
        return [localStorage.getItem("wh_widget_state"), localStorage.getItem("theme")];
      });
      expect(stored).toEqual(["open", null]);
      expect(await cookieNames(context)).toContain("session");
      await hide(page);
      await expect.poll(() => answers).toEqual([204]);
      // The guard cannot tell an unknown name from a consented one: it sends both, the edge tells them apart.
      expect(JSON.parse(reports[0]!)).toEqual(expect.arrayContaining(["/pricing", "wh_widget_state", "theme", "session"]));
      await expect
        .poll(() => logged().map((l) => `${l.name} ${l.action} ${l.reason}`))
        .toEqual(expect.arrayContaining(["wh_widget_state allowed unknown", "theme refused no-choice"]));
      expect(logged().find((l) => l.name === "wh_widget_state")).toMatchObject({ policy: "westhub", path: "/pricing", category: null, vendor: null, source: "unknown" });
      expect(logged().map((l) => l.name)).not.toContain("session");
      await context.close();
    });

    it("should keep room for refusals: names it let pass take at most 10 of the 20", async () => {
      const { context, page } = await trackedPage(browser());
      const { bodies } = storageReports(context);
      await page.goto(`${worker!.url}/pricing`, { waitUntil: "load" });
      await page.evaluate(() => {
        for (let i = 0; i < 15; i++) localStorage.setItem(`wh_unknown_${i}`, "v");
        localStorage.setItem("theme", "dark");
      });
      await hide(page);
      await expect.poll(() => bodies.length).toBe(1);
      const [, ...names] = JSON.parse(bodies[0]!) as string[];
      expect(names.filter((n) => n.startsWith("wh_unknown_"))).toHaveLength(10);
      expect(names).toContain("theme");
      await context.close();
    });
  });
});
