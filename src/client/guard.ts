/**
 * The client guard: runs first in <head> wherever something may be refused.
 *
 * The browser enforces the allowlist (the page's CSP); the guard keeps the page
 * tidy and covers what CSP cannot:
 * - elements that scripts create later (tag managers) with a refused URL are
 *   held aside (`data-src`) instead of failing, in the markup the server writes;
 *   `fetch` and `sendBeacon` to a refused host fail without a request;
 * - `document.cookie` and `cookieStore` writes of unconsented cookies are dropped
 *   (no header can stop a script writing a cookie); a `document.cookie` write stays
 *   visible to the document that wrote it, which never stores or sends it;
 * - a choice is applied in place: Consent Mode gets its `update`, the cookie rules
 *   change; a CSP cannot widen inside a document (CSP3 §4.2), so when the choice
 *   allows hosts this page refused and the page holds something that needs them,
 *   it reloads, keeping the page's referrer; narrowed consent reloads too (running
 *   code cannot be taken back).
 *
 * Minified by scripts/build-client.ts; src/html/page-plan.ts puts the page's
 * configuration in place of `__CONSENTRY_CONFIG__`. Its gzipped size is budgeted.
 */
import type { ConsentAnswer, GuardConfig } from "../wire.ts";

/** Replaced by the page's configuration (JSON) when the guard is inlined. */
declare const __CONSENTRY_CONFIG__: GuardConfig;

((config: GuardConfig) => {
  const w = window;
  const d = document;
  const here = location;
  let hosts = config.h;
  let allowed = config.a;
  let rules = config.c;
  /** Something on this page was refused: held aside here, or reported by the browser. */
  let held = false;

  const listed = (host: string, list: string): boolean => list.split(" ").some((h) => h !== "" && (host === h || host.endsWith("." + h)));

  const refused = (url: unknown): boolean => {
    try {
      const u = new URL(String(url), d.baseURI);
      const host = u.hostname;
      return /^(?:https?|wss?):$/.test(u.protocol) && host !== here.hostname && (hosts === null ? listed(host, config.b) : !listed(host, hosts));
    } catch {
      return false; // unparsable: the browser's allowlist decides
    }
  };

  const cookieBlocked = (name: string): boolean => {
    const hit = rules.n.indexOf(name) >= 0 || rules.p.some((p) => new RegExp(p).test(name));
    return rules.m === "allow" ? !hit : hit;
  };

  const setAttr = Element.prototype.setAttribute;
  // Keep a refused URL aside on the element, in the same markup the server writes.
  const hold = (el: Element, attribute: string, url: string): void => {
    held = true;
    setAttr.call(el, "data-" + attribute, url);
    setAttr.call(el, "data-category", "unknown");
    setAttr.call(el, "data-consentry", "~");
    if (el.tagName === "SCRIPT") setAttr.call(el, "type", "text/plain");
  };

  const classes: [{ prototype: object }, string][] = [
    [HTMLScriptElement, "src"],
    [HTMLIFrameElement, "src"],
    [HTMLImageElement, "src"],
    [HTMLImageElement, "srcset"],
    [HTMLSourceElement, "src"],
    [HTMLSourceElement, "srcset"],
    [HTMLEmbedElement, "src"],
    [HTMLMediaElement, "src"],
    [HTMLVideoElement, "poster"],
    [HTMLLinkElement, "href"],
    [HTMLObjectElement, "data"],
  ];
  for (const [C, attribute] of classes) {
    const descriptor = Object.getOwnPropertyDescriptor(C.prototype, attribute)!;
    Object.defineProperty(C.prototype, attribute, {
      ...descriptor,
      set(this: Element, value: string) {
        if (refused(String(value).split(/[\s,]/)[0])) hold(this, attribute, value);
        else descriptor.set!.call(this, value);
      },
    });
  }
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    const attribute = String(name).toLowerCase();
    if (classes.some(([C, a]) => this instanceof (C as typeof Element) && a === attribute) && refused(String(value).split(/[\s,]/)[0])) hold(this, attribute, String(value));
    else setAttr.call(this, name, value);
  };

  const fetch0 = w.fetch;
  w.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    return refused((input as Request).url || input) ? ((held = true), Promise.reject(new TypeError("consent"))) : fetch0.call(this, input, init);
  };
  const beacon = navigator.sendBeacon;
  if (beacon) navigator.sendBeacon = (url, data) => !refused(url) && beacon.call(navigator, url, data);
  // Whatever else was refused (XHR, WebSocket, CSS, workers…) the browser reports here.
  d.addEventListener("securitypolicyviolation", () => (held = true));

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie")!;
  // A refused write is kept for this document only: its own reads see it, the browser never
  // stores or sends it. Sites test that cookies work by writing one and reading it back
  // (Modernizr, the BBC's prompt), and hide content or features when the test fails.
  const kept = new Map<string, string>();
  Object.defineProperty(Document.prototype, "cookie", {
    ...cookie,
    get(this: Document) {
      return [cookie.get!.call(this), ...kept.values()].filter(Boolean).join("; ");
    },
    set(value: string) {
      const pair = String(value).split(";")[0]!;
      const name = pair.split("=")[0]!.trim();
      if (!cookieBlocked(name)) return cookie.set!.call(this, value);
      // RFC 6265 §5.2.1–2: a Max-Age of zero or less, or a past Expires, deletes it.
      if (/max-age=(-|0+(;|$))/i.test(value) || Date.parse(/expires=([^;]*)/i.exec(value)?.[1]!) <= Date.now()) kept.delete(name);
      else kept.set(name, pair);
    },
  });
  const store = (w as { cookieStore?: { set: (...a: unknown[]) => Promise<void> } }).cookieStore;
  if (store) {
    const set = store.set;
    store.set = function (...args: unknown[]) {
      const name = typeof args[0] === "string" ? args[0] : (args[0] as { name?: string })?.name;
      return cookieBlocked(String(name)) ? Promise.resolve() : set.apply(this, args);
    };
  }

  // A script's reload makes the page its own referrer: the reloaded page gets back the one it
  // had (ad and analytics code read it; the first pageview after consent keeps its source),
  // kept for that one reload in the tab's sessionStorage under "consentry".
  let session: Storage | undefined;
  try {
    session = w.sessionStorage;
    const referrer = session.getItem("consentry");
    session.removeItem("consentry");
    // Only on the reload itself: the page is its referrer (a URL with a fragment keeps the self-referrer).
    if (referrer !== null && d.referrer === here.href) Object.defineProperty(d, "referrer", { value: referrer });
  } catch {}
  // A full sessionStorage throws here: the banner then posts its form, which brings the new page too.
  const reload = (): void => {
    session?.setItem("consentry", d.referrer);
    here.reload();
  };

  const apply = (answer: ConsentAnswer): void => {
    // Narrowed consent cannot be taken back from code already running: reload.
    if (allowed.some((c) => answer.allowed.indexOf(c) < 0)) return reload();
    const layer = ((w as { dataLayer?: unknown[] }).dataLayer ??= []);
    // gtag() pushes its Arguments object; Google's tags read exactly that shape.
    (function (..._: unknown[]) {
      layer.push(arguments);
    })("consent", "update", answer.consentMode);
    // The page's CSP cannot widen (and an open allowlist's refusals are in the markup):
    // what this page refused and now may load comes back with a new document.
    const widened = hosts === null ? answer.allowed.length > allowed.length || answer.vendors.length > 0 : answer.hosts !== hosts;
    rules = answer.cookies;
    allowed = answer.allowed;
    if (widened && (held || d.querySelector("[data-consentry]"))) return reload();
    hosts = answer.hosts;
  };

  const choose = async (action: string, categories?: string[], vendors?: string[]): Promise<void> => {
    const response = await fetch0(config.e, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action, categories, vendors }),
    });
    if (!response.ok) throw response.status;
    apply(await response.json());
  };

  // Placeholders are plain forms, left to post: allowing a vendor widens the allowlist, which
  // needs a new document anyway, and the consent endpoint's 303 brings it.

  (w as { consentry?: unknown }).consentry = { choose };
})(__CONSENTRY_CONFIG__);
