/**
 * What a regulator's audit tool records, done the way the EDPS Website Evidence
 * Collector does it (github.com/EU-EDPS/website-evidence-collector, EUPL-1.2): before
 * any page script, an init script defines `document.cookie` on the document
 * instance and hooks storage, recording every write that gets through; every
 * request is recorded; at the end, the cookie jar, localStorage, sessionStorage
 * and IndexedDB are read back as evidence. Each finding is then judged against the
 * decision Consentry made for this visitor (the allowed categories in the page's
 * guard configuration) by the policy's classifier: a cookie or key of no rule is
 * unconsented where the policy blocks unknown cookies.
 * Shared by test/browser/audit.test.ts and `npm run audit`.
 */
import "urlpattern-polyfill";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { catalog } from "../../../src/catalog/lookup.ts";
import { POLICIES } from "../../../src/generated/policies.ts";
import { compilePolicy, type CompiledPolicy } from "../../../src/policy/compile.ts";
import { createRegistry } from "../../../src/policy/registry.ts";
import { standIn } from "./leaks.ts";

/** Every page of the demo site a visitor can browse. */
export const DEMO_PAGES = ["/", "/pricing", "/billing", "/dialer", "/trackers", "/embeds", "/tag-manager", "/strict-csp", "/hash-csp", "/allowlist-csp", "/cookie-policy"];

const registry = createRegistry(POLICIES.map((policy) => compilePolicy(policy, catalog)));
export function policyById(id: string): CompiledPolicy {
  return registry.byId.get(id)!;
}

/** Vendor scripts as the vendors write them, as far as storage goes (the machine is offline). */
const VENDOR_STAND_INS: [RegExp, string][] = [
  [/googletagmanager\.com\/gtag\/js/, `document.cookie="_ga=GA1.1.42.42; path=/";localStorage.setItem("_gcl_ls","{}");`],
  [/connect\.facebook\.net/, `document.cookie="_fbp=fb.1.42.42; path=/";`],
  [/static\.hotjar\.com/, `document.cookie="_hjSessionUser_1000000=x; path=/";localStorage.setItem("_hjSessionUser_1000000","x");`],
];

export type FindingKind = "cookie" | "storage" | "host";

export interface Finding {
  kind: FindingKind;
  name: string;
  category: string | null;
  /** The visitor's decision allows its category. */
  allowed: boolean;
  /** The page it first appeared on. */
  page: string;
}

export interface Audit {
  findings: Finding[];
  /** Third-party requests that reached the network. */
  requests: number;
  /** Cookie names scripts wrote through the instance-level hook. */
  scriptCookies: string[];
  /** Storage keys and IndexedDB names scripts tried to write, as the tool's hooks saw them (its localStorage Proxy sees refused ones too). */
  scriptStorage: string[];
  context: BrowserContext;
  page: Page;
}

/**
 * The audit tool's init script, after the Website Evidence Collector's
 * lib/setup-cookie-recording.js: it runs in every frame before the page's own
 * scripts, defines `document.cookie` on the document instance (recording each
 * write, then calling the prototype's setter it captured), and replaces
 * `window.localStorage` by a Proxy that records each `setItem` and assignment
 * before passing it on. The Collector records no other storage; this also records
 * `sessionStorage.setItem` and `indexedDB.open` on their prototypes.
 */
function instrument(): void {
  const record: { cookies: string[]; storage: string[] } = { cookies: [], storage: [] };
  (window as unknown as { __audit: typeof record }).__audit = record;
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie")!;
  Object.defineProperty(document, "cookie", {
    get() {
      return cookie.get!.call(this);
    },
    set(value: string) {
      record.cookies.push(String(value).split("=")[0]!.trim());
      return cookie.set!.call(this, value);
    },
    enumerable: true,
    configurable: true,
  });
  const local = localStorage;
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    enumerable: true,
    value: new Proxy(local, {
      set(ls, prop, value) {
        record.storage.push(String(prop));
        (ls as unknown as Record<string | symbol, unknown>)[prop] = value;
        return true;
      },
      get(ls, prop) {
        const member = (ls as unknown as Record<string | symbol, unknown>)[prop];
        if (prop !== "setItem") return typeof member === "function" ? member.bind(ls) : member;
        return (...args: [string, string]) => {
          record.storage.push(String(args[0]));
          ls.setItem(...args);
        };
      },
    }),
  });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    if (this !== local) record.storage.push(String(key));
    return setItem.call(this, key, value);
  };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    record.storage.push(String(name));
    return version === undefined ? open.call(this, name) : open.call(this, name, version);
  };
}

/** A fresh browsing session with the audit tool's instrumentation. */
export async function auditSession(browser: Browser, site: string): Promise<{ context: BrowserContext; page: Page; requests: () => URL[] }> {
  const own = new URL(site).hostname;
  const context = await browser.newContext({ serviceWorkers: "block" });
  const requests: URL[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === own) return route.continue();
    requests.push(url);
    const vendor = VENDOR_STAND_INS.find(([pattern]) => pattern.test(url.href));
    return vendor === undefined ? standIn(route) : route.fulfill({ status: 200, contentType: "text/javascript", body: vendor[1] });
  });
  await context.addInitScript(instrument);
  return { context, page: await context.newPage(), requests: () => requests };
}

/** The categories Consentry allowed this visitor on this page (its guard's `a`); every one when no guard was needed. */
async function allowedCategories(page: Page, policy: CompiledPolicy): Promise<Set<string>> {
  const guard = await page.evaluate(() => document.querySelector("script[data-consentry-guard]")?.textContent ?? "");
  const listed = /"a":(\[[^\]]*\])\}\);/.exec(guard);
  return new Set(listed === null ? policy.categories.map((c) => c.id) : (JSON.parse(listed[1]!) as string[]));
}

/** What a visitor with no choice may get under an opt-in regime: the policy's required categories. */
export function requiredOnly(policy: CompiledPolicy): Set<string> {
  return new Set(policy.categories.filter((c) => c.required).map((c) => c.id));
}

/**
 * Browses `paths` in one session (its cookies and storage carry over, as a visitor's do) and collects the evidence,
 * judged against `fixed` categories (the site alone) or the decision each page carries.
 */
export async function browse(session: Awaited<ReturnType<typeof auditSession>>, site: string, paths: readonly string[], policy: CompiledPolicy, fixed?: ReadonlySet<string>): Promise<Audit> {
  const { context, page } = session;
  const findings = new Map<string, Finding>();
  const scriptCookies = new Set<string>();
  const scriptStorage = new Set<string>();
  const own = new Set(["__Host-consentry", "consentry"]);
  for (const path of paths) {
    await page.goto(`${site}${path}`, { waitUntil: "load", timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(400);
    const allowed = fixed ?? (await allowedCategories(page, policy));
    const judge = (kind: FindingKind, name: string, category: string | null) => {
      if (findings.has(`${kind} ${name}`)) return;
      findings.set(`${kind} ${name}`, { kind, name, category, allowed: category !== null && allowed.has(category), page: path });
    };
    const classify = (name: string) => policy.classifyCookie(name).category;
    for (const c of await context.cookies()) if (!own.has(c.name)) judge("cookie", c.name, classify(c.name));
    const stored = await page.evaluate(async () => {
      const keys = [...Object.keys(localStorage), ...Object.keys(sessionStorage)];
      const databases = (await indexedDB.databases()).map((d) => d.name ?? "");
      const record = (window as unknown as { __audit: { cookies: string[]; storage: string[] } }).__audit;
      return { keys: [...keys, ...databases], record };
    });
    for (const key of stored.keys) if (key !== "consentry") judge("storage", key, classify(key));
    for (const name of stored.record.cookies) scriptCookies.add(name);
    for (const name of stored.record.storage) scriptStorage.add(name);
    for (const url of session.requests()) judge("host", url.hostname, policy.vendorForHost(url.hostname)?.category ?? null);
  }
  return { findings: [...findings.values()], requests: session.requests().length, scriptCookies: [...scriptCookies].sort(), scriptStorage: [...scriptStorage].sort(), context, page };
}

/** "Accept all" on the banner, and the page settled again (it reloads when the allowlist widened). */
export async function acceptAll(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Accept all" }).click();
  await page.waitForTimeout(1000);
  await page.waitForLoadState("load");
}

/** One line of figures: cookies, storage entries, third-party hosts and requests, and how many of each were unconsented. */
export function figures(audit: Audit): string {
  const count = (kind: FindingKind) => {
    const all = audit.findings.filter((f) => f.kind === kind);
    const refused = all.filter((f) => !f.allowed).length;
    return `${all.length}${refused > 0 ? ` (${refused} unconsented)` : ""}`;
  };
  return `cookies ${count("cookie")}, storage ${count("storage")}, third-party hosts ${count("host")}, third-party requests ${audit.requests}; cookie writes the tool's hook saw [${audit.scriptCookies.join(" ")}], storage writes tried [${audit.scriptStorage.join(" ")}]`;
}
