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
 * - storage is governed like cookies (ePrivacy Art. 5(3) covers any storage on the
 *   device): `localStorage`/`sessionStorage` keys and IndexedDB database names go by
 *   the same rules; a refused `setItem` is dropped, a refused `indexedDB.open` throws
 *   (as it does wherever storage is disallowed: libraries catch it), and storage keys
 *   and IndexedDB databases the rules refuse are cleared when a page loads (after a withdrawal);
 *   names are reported to the edge once, as the page goes (/_consentry/storage-report: names
 *   only, for the inventory): under `allow` rules (the policy blocks unknown names) the names
 *   it refused, unknown ones among them; under `block` rules (the policy lets unknown names
 *   pass) those it refused and also those it let pass (unknown or consented: the guard cannot
 *   tell them apart), which the edge judges by the page's decision and keeps only if unknown;
 * - the hooks hold wherever the write comes from: a `cookie` property defined on the
 *   document itself before the page ran (audit tools and extensions do that) is wrapped
 *   too, and a same-origin frame's realm (`about:blank` above all, where scripts write
 *   into a frame they made) is guarded as its document loads (synchronously, as the frame
 *   is inserted: reached later through `frames[i]` it is guarded already) or the moment a
 *   script reaches into it through `contentWindow` or `contentDocument`; so is a popup the
 *   page opens, as `open()` returns it;
 * - a choice is applied in place: Consent Mode gets its `update`, the cookie rules
 *   change; a CSP cannot widen inside a document (CSP3 §4.2), so when the choice
 *   allows hosts this page refused and the page holds something that needs them,
 *   it reloads, keeping the page's referrer; narrowed consent reloads too (running
 *   code cannot be taken back).
 * What still gets past it (a `srcdoc` frame's own inline scripts, which run in a new realm
 * before any script of the page can reach it; a setter captured before the guard ran)
 * reaches the cookie jar; the edge expires it on the next response and logs
 * `cookie-expired`. Storage written by assignment (`localStorage.key = …`, which no
 * hook can see) is cleared on the next page.
 *
 * Minified by scripts/build-client.ts; src/html/page-plan.ts puts the page's
 * configuration in place of `__CONSENTRY_CONFIG__`. Its gzipped size is budgeted.
 */
import type { ConsentAnswer, GuardConfig } from "../wire.ts";

/** Replaced by the page's configuration (JSON) when the guard is inlined. */
declare const __CONSENTRY_CONFIG__: GuardConfig;

type Realm = Window & typeof globalThis;

((config: GuardConfig) => {
  const main = window as Realm;
  const d = document;
  const here = location;
  let hosts = config.h;
  let allowed = config.a;
  let rules = config.c;
  /** Something on this page was refused: held aside here, or reported by the browser. */
  let held = false;

  // `a.b.example.com` is under `example.com`, and `example.com` itself: a dot before each makes one test of it.
  const listed = (host: string, list: string): boolean => list.split(" ").some((h) => h && ("." + host).endsWith("." + h));

  const refused = (url: unknown): boolean => {
    try {
      const u = new URL(url as string, d.baseURI); // the parser converts to a string itself
      const host = u.hostname;
      return /^(http|ws)s?:/.test(u.protocol) && host !== here.hostname && (hosts === null ? listed(host, config.b) : !listed(host, hosts));
    } catch {
      return false; // unparsable: the browser's allowlist decides
    }
  };
  /** An attribute's URL: a `srcset` is refused by its first candidate. */
  const refusedAttribute = (value: unknown): boolean => refused(String(value).split(/[\s,]/)[0]);

  /**
   * Names reported once as the page goes: names only, never values; at most 20, each cut to 64
   * characters. The names the rules refused on this page (before consent, or held on the device
   * since a withdrawal); under `allow` rules unknown names are among them. Under `block` rules
   * also the names they let pass (an unknown name passes there: the edge records it as unknown), at
   * most 10 of the 20, so that what was refused still has room; under `allow` rules a name that
   * passes is listed, hence consented, and is never sent (that would be a beacon on every page).
   */
  const seen = new Set<string>();
  /** A cookie name, storage key or database name the rules refuse. */
  const blocked = (name: unknown): boolean => {
    const hit = rules.n.includes(name as string) || rules.p.some((p) => new RegExp(p).test(name as string)); // test() converts to a string
    const refuse = (rules.m === "allow") !== hit;
    // Refused: room for 20; let pass unlisted (`block` rules): 10; let pass listed (`allow` rules): none.
    if (seen.size < (refuse ? 20 : hit ? 0 : 10)) seen.add(String(name).slice(0, 64));
    return refuse;
  };

  const define = Object.defineProperty;
  const own = Object.getOwnPropertyDescriptor;
  const setAttr = Element.prototype.setAttribute;
  // Keep a refused URL aside on the element, in the markup the server writes (without the
  // `data-category` it adds for people reading the page: here it would only say "unknown").
  const hold = (el: Element, attribute: string, url: string): void => {
    held = true;
    setAttr.call(el, "data-" + attribute, url);
    setAttr.call(el, "data-consentry", "~");
    if (el instanceof HTMLScriptElement) setAttr.call(el, "type", "text/plain");
  };

  // A refused document.cookie write is kept for this origin's documents only: their reads see
  // it, the browser never stores or sends it. Sites test that cookies work by writing one and
  // reading it back (Modernizr, the BBC's prompt), and hide content or features when it fails.
  const kept = new Map<string, string>();
  const setItem = Storage.prototype.setItem;
  const guarded = new WeakSet<object>();
  /** Replaces `object[method]` by one that refuses (answering `refusal`) when `refuse` says so. */
  const hook = (object: object | undefined, method: string, refuse: (args: unknown[]) => boolean, refusal: () => unknown): void => {
    const o = object as Record<string, (...args: unknown[]) => unknown> | undefined;
    const original = o?.[method];
    if (original)
      o[method] = function (this: unknown, ...args: unknown[]) {
        return refuse(args) ? refusal() : original.apply(this, args);
      };
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
    const descriptor = own(C.prototype, attribute)!;
    define(C.prototype, attribute, {
      ...descriptor,
      set(this: Element, value: string) {
        if (refusedAttribute(value)) hold(this, attribute, value);
        else descriptor.set!.call(this, value);
      },
    });
  }
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    const attribute = String(name).toLowerCase();
    if (classes.some(([C, a]) => this instanceof (C as typeof Element) && a === attribute) && refusedAttribute(value)) hold(this, attribute, String(value));
    else setAttr.call(this, name, value);
  };
  // The consent endpoint is reached with the browser's own fetch, whatever the page later puts in its place.
  const fetch0 = fetch;
  hook(main, "fetch", ([input]) => refused((input as Request).url || input), () => ((held = true), Promise.reject(TypeError("consent"))));
  hook(navigator, "sendBeacon", ([url]) => refused(url), () => false);
  // Sent as the page goes (Page Lifecycle: pagehide, not unload), as a beacon: it outlives the page.
  // A page restored from the back/forward cache and hidden again sends only what is new.
  main.addEventListener("pagehide", () => seen.size && navigator.sendBeacon("/_consentry/storage-report", JSON.stringify([here.pathname, ...seen])) && seen.clear());
  // Whatever else was refused (XHR, WebSocket, CSS, workers…) the browser reports here.
  d.addEventListener("securitypolicyviolation", () => (held = true));

  /**
   * Guards what CSP cannot govern in one realm, this window's or a same-origin frame's
   * (whose loads CSP governs already: `about:blank` and `srcdoc` inherit the page's
   * policy): cookies, storage, and the frames a script reaches from there.
   */
  const guard = <T>(target: T): T => {
    try {
      const w = ((target as Document).defaultView || target) as Realm;
      if (w && !guarded.has(w)) {
        guarded.add(w);
        // A frame's realm is guarded before the script that reached for it can use it.
        for (const p of ["contentWindow", "contentDocument"]) {
          const frame = own(w.HTMLIFrameElement.prototype, p)!;
          define(w.HTMLIFrameElement.prototype, p, {
            ...frame,
            get(this: HTMLIFrameElement) {
              return guard(frame.get!.call(this));
            },
          });
        }

        // A frame reached without its element (`frames[i]`, `window[i]`): its about:blank document
        // loads synchronously as the frame is inserted (HTML §4.8.5, "process the iframe
        // attributes"), before the inserting script can write into it.
        w.document.addEventListener("load", (e) => guard((e.target as HTMLIFrameElement).contentWindow), true);
        // A popup it opens (about:blank, same origin) the moment it exists.
        const open = w.open;
        w.open = (...args) => guard(open.apply(w, args));

        // The prototype's cookie accessor, and then the document's own where a tool defined one
        // before the page ran (it shadows the prototype's): a refused write reaches neither.
        for (const o of [w.Document.prototype, w.document]) {
          const cookie = own(o, "cookie");
          if (cookie)
            define(o, "cookie", {
              ...cookie,
              get(this: Document) {
                return [cookie.get!.call(this), ...kept.values()].filter(Boolean).join("; ");
              },
              set(value: string) {
                const pair = String(value).split(";")[0]!;
                const name = pair.split("=")[0]!.trim();
                if (!blocked(name)) return cookie.set!.call(this, value);
                // RFC 6265 §5.2.1–2: a Max-Age of zero or less, or a past Expires, deletes it.
                if (/max-age=(-|0+(;|$))/i.test(value) || Date.parse(/expires=([^;]*)/i.exec(value)?.[1]!) <= Date.now()) kept.delete(name);
                else kept.set(name, pair);
              },
            });
        }
        hook((w as { CookieStore?: { prototype: object } }).CookieStore?.prototype, "set", ([cookie]) => blocked((cookie as { name?: string })?.name ?? cookie), () => Promise.resolve());
        hook(w.Storage.prototype, "setItem", ([key]) => blocked(key), () => {});
        // Where storage is disallowed, open() throws (IndexedDB §4.1: a SecurityError); the same TypeError as fetch, for weight.
        hook(w.IDBFactory.prototype, "open", ([name]) => blocked(name), () => {
          throw TypeError("consent");
        });
      }
    } catch {} // a cross-origin frame, or a realm without some interface: its own page is guarded by its own response
    return target;
  };
  guard(main);

  // A script's reload makes the page its own referrer: the reloaded page gets back the one it
  // had (ad and analytics code read it; the first pageview after consent keeps its source),
  // kept for that one reload in the tab's sessionStorage under "consentry".
  let session: Storage | undefined;
  try {
    session = main.sessionStorage;
    const referrer = session.getItem("consentry");
    session.removeItem("consentry");
    // Only on the reload itself: the page is its referrer (a URL with a fragment keeps the self-referrer).
    if (referrer !== null && d.referrer === here.href) define(d, "referrer", { value: referrer });
    // What the rules refuse and the device still holds (written before a withdrawal) goes.
    for (const s of [localStorage, session]) for (const key of Object.keys(s)) if (blocked(key)) s.removeItem(key);
    // And so do IndexedDB databases (`databases()`: Chromium, Safari, Firefox 126+; elsewhere this throws, last).
    indexedDB.databases().then((list) => list.forEach(({ name }) => blocked(name) && indexedDB.deleteDatabase(name!)));
  } catch {}
  // A full sessionStorage throws here: the banner then posts its form, which brings the new page too.
  const reload = (): void => {
    if (session) setItem.call(session, "consentry", d.referrer);
    here.reload();
  };

  const apply = (answer: ConsentAnswer): void => {
    // Narrowed consent cannot be taken back from code already running: reload.
    if (allowed.some((c) => !answer.allowed.includes(c))) return reload();
    const layer = ((main as { dataLayer?: unknown[] }).dataLayer ??= []);
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

  (main as { consentry?: unknown }).consentry = { choose };
})(__CONSENTRY_CONFIG__);
