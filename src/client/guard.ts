/**
 * The client guard: the first script in <head> on pages where Consentry
 * neutralised something or where an allowed script (a tag manager) may add more.
 *
 * - Elements that scripts create later cannot reach a blocked host: the URL
 *   setters of script, iframe, img, source, embed, link and object, and
 *   setAttribute, keep the URL aside (`data-src`) instead; fetch and sendBeacon
 *   to a blocked host fail.
 * - `document.cookie` and `cookieStore.set` writes of unconsented cookies are dropped.
 * - When consent arrives, dormant elements come back in document order (each
 *   external script loaded before the next runs), without a reload; Google
 *   Consent Mode gets its `update`.
 *
 * Minified by scripts/build-client.ts; src/html/guard-config.ts puts the page's
 * configuration in place of `__CONSENTRY_CONFIG__`. Kept small on purpose:
 * its gzipped size is budgeted in the tests.
 */
interface GuardConfig {
  /** Blocked hosts per category, space-separated; `~route` never revives. */
  b: Record<string, string>;
  /** Cookie rules: `allow` (only matches pass) or `block` (matches dropped), names, patterns. */
  c: { m: "allow" | "block"; n: string[]; p: string[] };
  /** The consent endpoint. */
  e: string;
  /** Allowed categories. */
  a: string[];
}

interface ConsentAnswer {
  allowed: string[];
  cookies: GuardConfig["c"];
  /** Google Consent Mode v2 state for the new decision, worked out by the server. */
  consentMode: Record<string, string>;
}

/** Replaced by the page's configuration (JSON) when the guard is inlined. */
declare const __CONSENTRY_CONFIG__: GuardConfig;

((config: GuardConfig) => {
  const w = window;
  const d = document;
  const blocked = config.b;
  let allowed = config.a;
  let rules = config.c;

  const categoryOf = (url: unknown): string | 0 => {
    let host: string;
    try {
      host = new URL(String(url), location.href).hostname;
    } catch {
      return 0;
    }
    if (host === location.hostname) return 0;
    for (const category in blocked) {
      for (const h of blocked[category]!.split(" ")) if (host === h || host.endsWith("." + h)) return category;
    }
    return 0;
  };

  const cookieBlocked = (name: string): boolean => {
    const hit = rules.n.indexOf(name) >= 0 || rules.p.some((p) => new RegExp(p).test(name));
    return rules.m === "allow" ? !hit : hit;
  };

  // Keep a blocked URL aside on the element, in the same markup the server writes.
  const hold = (el: Element, attribute: string, url: string, category: string): void => {
    setAttr.call(el, "data-" + attribute, url);
    setAttr.call(el, "data-category", category);
    setAttr.call(el, "data-consentry", "");
    // A script created by code is plain JavaScript (modules come from markup, which the edge handles).
    if (el.tagName === "SCRIPT") setAttr.call(el, "type", "text/plain");
  };

  const setAttr = Element.prototype.setAttribute;
  const classes: [{ prototype: object }, string][] = [
    [HTMLScriptElement, "src"],
    [HTMLIFrameElement, "src"],
    [HTMLImageElement, "src"],
    [HTMLSourceElement, "src"],
    [HTMLEmbedElement, "src"],
    [HTMLMediaElement, "src"],
    [HTMLLinkElement, "href"],
    [HTMLObjectElement, "data"],
  ];
  for (const [C, attribute] of classes) {
    const descriptor = Object.getOwnPropertyDescriptor(C.prototype, attribute)!;
    Object.defineProperty(C.prototype, attribute, {
      ...descriptor,
      set(this: Element, value: string) {
        const category = categoryOf(value);
        if (category) hold(this, attribute, value, category);
        else descriptor.set!.call(this, value);
      },
    });
  }
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    const attribute = String(name).toLowerCase();
    const category = classes.some(([C, a]) => this instanceof (C as typeof Element) && a === attribute) && categoryOf(value);
    if (category) hold(this, attribute, String(value), category);
    else setAttr.call(this, name, value);
  };

  const fetch0 = w.fetch;
  w.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    return categoryOf((input as Request).url || input) ? Promise.reject(new TypeError("consent")) : fetch0.call(this, input, init);
  };
  const beacon = navigator.sendBeacon;
  if (beacon) navigator.sendBeacon = (url, data) => !categoryOf(url) && beacon.call(navigator, url, data);

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie")!;
  Object.defineProperty(Document.prototype, "cookie", {
    ...cookie,
    set(value: string) {
      if (!cookieBlocked(String(value).split("=")[0]!.trim())) cookie.set!.call(this, value);
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

  const consentMode = (state: Record<string, string>): void => {
    const layer = ((w as { dataLayer?: unknown[] }).dataLayer ??= []);
    // gtag() pushes its Arguments object; Google's tags read exactly that shape.
    (function (..._: unknown[]) {
      layer.push(arguments);
    })("consent", "update", state);
  };

  // Revive every dormant element whose category is now allowed, in document order.
  const revive = async (): Promise<void> => {
    for (const category of allowed) delete blocked[category];
    for (const el of [...d.querySelectorAll("[data-consentry]")]) {
      const category = el.getAttribute("data-category")!;
      if (blocked[category] || el.getAttribute("data-consentry") === "~route" || allowed.indexOf(category) < 0) continue;
      if (el.tagName === "SCRIPT") {
        const script = d.createElement("script");
        for (const { name, value } of [...el.attributes]) {
          if (!/^(type|data-(src|href|type|category|consentry))$/.test(name)) setAttr.call(script, name, value);
        }
        const type = el.getAttribute("data-type");
        if (type) script.type = type;
        script.nonce = (el as HTMLScriptElement).nonce;
        const src = el.getAttribute("data-src") || el.getAttribute("data-href");
        if (src) {
          script.async = false;
          const loaded = new Promise((done) => (script.onload = script.onerror = done));
          script.src = src;
          el.replaceWith(script);
          await loaded;
        } else {
          script.text = el.textContent || "";
          el.replaceWith(script);
        }
      } else {
        for (const attribute of ["src", "srcset", "href", "data"]) {
          const value = el.getAttribute("data-" + attribute);
          if (value !== null) setAttr.call(el, attribute, value);
        }
        el.removeAttribute("data-consentry");
        if (el.hasAttribute("data-consentry-hidden")) el.removeAttribute("hidden");
        const placeholder = el.previousElementSibling;
        if (placeholder?.hasAttribute("data-consentry-placeholder")) placeholder.remove();
      }
    }
  };

  const apply = (answer: ConsentAnswer): Promise<void> | void => {
    // Narrowed consent cannot be taken back from code already running: reload.
    if (allowed.some((c) => answer.allowed.indexOf(c) < 0)) return location.reload();
    allowed = answer.allowed;
    rules = answer.cookies;
    consentMode(answer.consentMode);
    return revive();
  };

  const choose = async (action: string, categories?: string[]): Promise<void> => {
    const response = await fetch0(config.e, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action, categories }),
    });
    if (!response.ok) throw response.status;
    await apply(await response.json());
  };

  // Placeholders are plain forms; with JavaScript they submit in place.
  d.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.hasAttribute("data-consentry-placeholder")) return;
    event.preventDefault();
    const data = new FormData(form);
    choose(data.get("action") as string, data.getAll("category") as string[]);
  });

  (w as { consentry?: unknown }).consentry = { choose };
})(__CONSENTRY_CONFIG__);
