/**
 * Neutralises third-party content while the HTML streams through HTMLRewriter:
 * scripts, iframes, pixels, links, embeds and media of blocked vendors become
 * dormant; inline vendor snippets are held back; `<noscript>` pixels are removed;
 * the client guard goes first in `<head>`; Consent Mode defaults go in front of
 * the first Google tag.
 *
 * Selectors are narrow (each JavaScript callback costs ~15 µs): images only when
 * their src names a blocked host. Every handler is wrapped so that an exception
 * can neither truncate the page (a throwing handler errors the stream) nor let
 * the element through: it logs and fails closed.
 */
import { declarationTableHtml, COOKIE_TABLE_SELECTOR } from "../banner/declaration.ts";
import { languageFor, pageUiHtml, type Language } from "../banner/page-ui.ts";
import { categoryViews } from "../banner/view.ts";
import type { Logger } from "../enforce/report.ts";
import type { HtmlContext, HtmlTransform } from "../proxy/shape-response.ts";
import { consentDefaultScript } from "./consent-mode.ts";
import { cspNonces, nonceAttribute, type CspNonces } from "./csp.ts";
import { decodeAttribute } from "./escape.ts";
import { dormantFrame, dormantResource, dormantScript, isExecutableScriptType } from "./dormant.ts";
import { guardHtml, placeholderStyleHtml } from "./guard-config.ts";
import { filterNoscript } from "./noscript.ts";
import { pagePlan, type BlockedVerdict, type PagePlan } from "./page-plan.ts";
import { placeholderHtml } from "./placeholder.ts";
import { judgeUrl } from "./url-verdict.ts";

/** Hosts whose scripts are Google tags (gtag.js, GTM, Ads): Consent Mode defaults go before them. */
const GOOGLE_TAG_HOST = /(?:^|\.)(?:googletagmanager\.com|google-analytics\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)$/;
/** Inline code that talks to Google tags. */
const GOOGLE_INLINE = /\bgtag\s*\(|googletagmanager\.com|\bdataLayer\b/;

const LINK_RELS = /\b(?:preconnect|dns-prefetch|preload|prefetch|modulepreload|stylesheet)\b/i;

export interface PageAction {
  action: "neutralise-script" | "neutralise-inline-script" | "neutralise-frame" | "neutralise-resource" | "remove-noscript-tag";
  vendor: string;
  category: string | null;
  reason: string;
  url?: string;
}

class Page {
  readonly plan: PagePlan;
  readonly apply: boolean;
  readonly nonces: CspNonces;
  readonly pageUrl: URL;
  base: URL;
  private baseSeen = false;
  private guardWritten = false;
  private uiWritten = false;
  private placeholderStyleWritten = false;
  private negotiated: Language | undefined;
  private consentDefaultWritten = false;
  /** Inside <template> nothing runs: the guard must not go there. */
  templateDepth = 0;

  readonly context: HtmlContext;

  constructor(context: HtmlContext, headers: Headers) {
    this.context = context;
    this.plan = pagePlan(context);
    this.apply = context.decision.mode === "enforce";
    this.nonces = cspNonces(headers);
    this.pageUrl = new URL(context.request.url);
    this.base = this.pageUrl;
  }

  verdict(raw: string | null): BlockedVerdict | null {
    if (raw === null) return null;
    const verdict = judgeUrl(raw, this.base, this.pageUrl.hostname, this.context);
    return verdict?.blocked ? verdict : null;
  }

  record(action: PageAction): void {
    if (this.apply) return;
    const { decision, route, log } = this.context;
    log(JSON.stringify({ consentry: "report-only", policy: decision.policyId, route: route.source, path: this.pageUrl.pathname, jurisdiction: decision.jurisdiction, ...action }));
  }

  setBase(href: string | null): void {
    if (this.baseSeen || href === null) return;
    this.baseSeen = true; // HTML §4.2.3: only the first <base href> counts.
    try {
      this.base = new URL(decodeAttribute(href).trim(), this.pageUrl);
    } catch {
      // An invalid base leaves the document URL in force.
    }
  }

  /** The guard must run before any other script: at the top of <head>, else before the first script or body content. */
  guard(insert: (html: string) => void, el?: Element): void {
    // Nothing blocked: no guard (and no Consent Mode defaults: Google's own default is "granted").
    if (this.guardWritten || !this.apply || !this.plan.active || this.templateDepth > 0) return;
    if (el !== undefined && el.namespaceURI !== "http://www.w3.org/1999/xhtml") return;
    this.guardWritten = true;
    insert(guardHtml(this.context.policy, this.context.decision, this.plan, this.nonces));
  }

  /** The visitor's language, negotiated once per page (placeholders, the table and the banner share it). */
  get language(): Language {
    return (this.negotiated ??= languageFor(this.context.policy, this.context.request));
  }

  /** The placeholders' CSS goes in front of the first one only: most pages have none. */
  placeholderStyle(): string {
    if (this.placeholderStyleWritten) return "";
    this.placeholderStyleWritten = true;
    return placeholderStyleHtml(this.nonces);
  }

  /** The banner or the settings control, once per page. */
  ui(insert: (html: string) => void): void {
    if (this.uiWritten) return;
    this.uiWritten = true;
    const html = pageUiHtml(this.context, this.nonces, this.language);
    if (html !== null) insert(html);
  }

  consentDefault(): string | null {
    if (this.consentDefaultWritten || !this.apply || !this.plan.active) return null;
    this.consentDefaultWritten = true;
    return consentDefaultScript(this.plan.consentMode);
  }

  granted(): string[] {
    return this.context.policy.optionalCategories.filter((c) => this.context.decision.allowed.has(c));
  }
}

function safely<T extends unknown[]>(log: Logger, what: string, body: (...args: T) => void, fallback?: (...args: T) => void) {
  return (...args: T): void => {
    try {
      body(...args);
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: `html:${what}`, error: String(error) }));
      try {
        fallback?.(...args);
      } catch {
        // Nothing more can be done for this element without breaking the stream.
      }
    }
  };
}

/** Fails closed: a third-party URL that could not be judged is moved aside. */
function holdAside(el: Element, attribute: string): void {
  const value = el.getAttribute(attribute);
  if (value === null) return;
  el.setAttribute(`data-${attribute}`, value);
  el.removeAttribute(attribute);
  el.setAttribute("data-category", "unknown");
}

export function createPageRewriter(): HtmlTransform {
  return (response, context) => {
    const page = new Page(context, response.headers);
    const { log } = context;
    const rewriter = new HTMLRewriter();

    rewriter.on("template", {
      element: safely(log, "template", (el: Element) => {
        page.templateDepth += 1;
        el.onEndTag(() => {
          page.templateDepth -= 1;
        });
      }),
    });
    rewriter.on("base[href]", { element: safely(log, "base", (el: Element) => page.setBase(el.getAttribute("href"))) });
    rewriter.on("head", { element: safely(log, "head", (el: Element) => page.guard((html) => el.prepend(html, { html: true }))) });
    rewriter.on("body", {
      element: safely(log, "body", (el: Element) => {
        // Both prepend: the guard, written last, ends up first.
        page.ui((html) => el.prepend(html, { html: true }));
        page.guard((html) => el.prepend(html, { html: true }));
      }),
    });
    rewriter.on(COOKIE_TABLE_SELECTOR, {
      element: safely(log, "cookie-table", (el: Element) => {
        const { messages } = page.language;
        el.setInnerContent(declarationTableHtml(context.policy, categoryViews(context.policy, context.decision), messages), { html: true });
      }),
    });

    const externalScript = (attribute: "src" | "href") =>
      safely(
        log,
        "script",
        (el: Element) => {
          page.guard((html) => el.before(html, { html: true }), el);
          if (!isExecutableScriptType(el.getAttribute("type"))) return;
          const raw = el.getAttribute(attribute);
          const verdict = page.verdict(raw);
          let host = "";
          try {
            host = new URL(decodeAttribute(raw ?? ""), page.base).hostname;
          } catch {
            // Unparseable: not a Google tag either.
          }
          if (GOOGLE_TAG_HOST.test(host)) {
            const defaults = page.consentDefault();
            if (defaults !== null) el.before(`<script${nonceAttribute(page.nonces.script)}>${defaults}</script>`, { html: true });
          }
          if (verdict === null) return;
          page.record({ action: "neutralise-script", vendor: verdict.vendor.id, category: verdict.category, reason: verdict.reason, url: raw ?? "" });
          if (page.apply) dormantScript(el, verdict, attribute);
        },
        (el: Element) => holdAside(el, attribute),
      );
    rewriter.on("script[src]", { element: externalScript("src") });
    rewriter.on("script[href]:not([src])", { element: externalScript("href") });

    // Inline scripts arrive in chunks (FACTS: down to single code points): hold the
    // text back, decide at the end tag, then write it out unchanged or held back.
    let inline: { text: string; active: boolean; nonce: string | null } | null = null;
    rewriter.on("script:not([src]):not([href])", {
      element: safely(log, "inline-script", (el: Element) => {
        page.guard((html) => el.before(html, { html: true }), el);
        inline = { text: "", active: isExecutableScriptType(el.getAttribute("type")), nonce: el.getAttribute("nonce") };
        if (!inline.active) return;
        el.onEndTag(
          safely(log, "inline-script-end", (end: EndTag) => {
            const state = inline!;
            inline = null;
            const match = page.plan.inline.find((rule) => rule.signatures.some((signature) => state.text.includes(signature)));
            const defaults = GOOGLE_INLINE.test(state.text) ? page.consentDefault() : null;
            if (match === undefined || !page.apply) {
              if (match !== undefined) page.record({ action: "neutralise-inline-script", vendor: match.vendor.id, category: match.verdict.category, reason: match.verdict.reason });
              end.before((defaults === null ? "" : `${defaults}\n`) + state.text, { html: true });
              return;
            }
            const { verdict } = match;
            // The original element runs empty (or only sets Consent Mode defaults); its code waits in a dormant twin.
            if (defaults !== null) end.before(defaults, { html: true });
            const nonce = state.nonce === null ? "" : ` nonce="${state.nonce.replace(/"/g, "&quot;")}"`;
            end.after(
              `<script type="text/plain" data-category="${verdict.category ?? "unknown"}" data-consentry="${verdict.reason === "route" ? "~route" : verdict.vendor.id}"${nonce}>${state.text}</script>`,
              { html: true },
            );
          }),
        );
      }),
      text: safely(log, "inline-script-text", (text: Text) => {
        if (inline === null || !inline.active) return;
        inline.text += text.text;
        text.remove();
      }),
    });

    const frame = (attribute: string) =>
      safely(
        log,
        "frame",
        (el: Element) => {
          const raw = el.getAttribute(attribute);
          const verdict = page.verdict(raw);
          if (verdict === null) return;
          page.record({ action: "neutralise-frame", vendor: verdict.vendor.id, category: verdict.category, reason: verdict.reason, url: raw ?? "" });
          if (!page.apply) return;
          const placeholder = placeholderHtml({
            policy: context.policy,
            messages: page.language.messages,
            verdict,
            granted: page.granted(),
            returnPath: page.pageUrl.pathname + page.pageUrl.search,
            width: el.getAttribute("width"),
            height: el.getAttribute("height"),
          });
          dormantFrame(el, verdict, attribute, page.placeholderStyle() + placeholder);
        },
        (el: Element) => holdAside(el, attribute),
      );
    rewriter.on("iframe[src]", { element: frame("src") });
    rewriter.on("embed[src]", { element: frame("src") });
    rewriter.on("object[data]", { element: frame("data") });

    const resource = (attributes: readonly string[], check?: (el: Element) => boolean) =>
      safely(
        log,
        "resource",
        (el: Element) => {
          if (check !== undefined && !check(el)) return;
          const raw = el.getAttribute(attributes[0]!) ?? el.getAttribute(attributes[1] ?? "");
          const verdict = page.verdict(raw?.split(/[\s,]/, 1)[0] ?? null);
          if (verdict === null) return;
          page.record({ action: "neutralise-resource", vendor: verdict.vendor.id, category: verdict.category, reason: verdict.reason, url: raw ?? "" });
          if (page.apply) dormantResource(el, verdict, attributes);
        },
        (el: Element) => attributes.forEach((a) => holdAside(el, a)),
      );
    if (page.plan.imageSelector !== null) rewriter.on(page.plan.imageSelector, { element: resource(["src", "srcset"]) });
    rewriter.on("link[href]", { element: resource(["href", "imagesrcset"], (el) => LINK_RELS.test(el.getAttribute("rel") ?? "")) });
    rewriter.on("source[src], source[srcset]", { element: resource(["src", "srcset"]) });
    rewriter.on("video[src], audio[src], track[src]", { element: resource(["src"]) });

    // <noscript> content is text to a scripting parser: hold it back and remove blocked tags.
    let noscript: string | null = null;
    rewriter.on("noscript", {
      element: safely(log, "noscript", (el: Element) => {
        noscript = "";
        el.onEndTag(
          safely(
            log,
            "noscript-end",
            (end: EndTag) => {
              const text = noscript ?? "";
              noscript = null;
              end.before(filterNoscript(text, (url) => page.verdict(url), page.apply, (action) => page.record(action)), { html: true });
            },
            () => {
              noscript = null;
            },
          ),
        );
      }),
      text: safely(log, "noscript-text", (text: Text) => {
        if (noscript === null) return;
        noscript += text.text;
        text.remove();
      }),
    });

    // No <head> and no <body> (a fragment): the guard still goes in, at the end at worst.
    rewriter.onDocument({
      end: safely(log, "document-end", (end: DocumentEnd) => {
        page.guard((html) => end.append(html, { html: true }));
        page.ui((html) => end.append(html, { html: true }));
      }),
    });

    return rewriter.transform(response);
  };
}
