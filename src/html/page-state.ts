/**
 * One page on its way through the rewriter: the decision's plan, the document's
 * base URL, the CSP nonces, and the things Consentry writes exactly once (the
 * head script, the banner, the placeholders' style). Handlers in handlers/ read
 * and update it; nothing here touches HTMLRewriter itself.
 */
import { languageFor, type Language } from "../banner/page-ui.ts";
import type { Logger } from "../enforce/report.ts";
import type { HtmlContext } from "../proxy/shape-response.ts";
import { cspNonces, type CspNonces } from "./csp.ts";
import { decodeAttribute } from "./decode-attribute.ts";
import { headScriptHtml, placeholderStyleHtml } from "./guard-config.ts";
import { pagePlan, type PagePlan } from "./page-plan.ts";
import { HostVerdicts, type Refusal } from "./url-verdict.ts";
import { requestUrl } from "../http/request-url.ts";

const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

/** What the rewriter did (enforce) or would have done (report-only), for the log. */
export interface PageAction {
  action: "neutralise-script" | "neutralise-frame" | "neutralise-resource" | "neutralise-style" | "remove-noscript-tag" | "remove-refresh";
  vendor: string | null;
  category: string | null;
  reason: string;
  host: string;
}

export class PageState {
  readonly plan: PagePlan;
  /** Enforce: change the page. Report-only: change nothing, log what would change. */
  readonly apply: boolean;
  readonly nonces: CspNonces;
  readonly pageUrl: URL;
  readonly verdicts: HostVerdicts;
  readonly context: HtmlContext;
  /** The document base (HTML §2.4.1): the first `<base href>` in the HTML namespace, outside `<template>`. */
  base: URL;
  /** Inside `<template>` nothing runs and no base counts. */
  templateDepth = 0;
  private baseSeen = false;
  private headWritten = false;
  private uiWritten = false;
  private placeholderStyleWritten = false;
  private negotiated: Language | undefined;
  private ambiguityLogged = false;

  constructor(context: HtmlContext, headers: Headers) {
    this.context = context;
    this.plan = pagePlan(context);
    this.apply = context.decision.mode === "enforce";
    this.nonces = cspNonces(headers);
    this.pageUrl = requestUrl(context.request);
    this.base = this.pageUrl;
    this.verdicts = new HostVerdicts(context, this.pageUrl.hostname);
  }

  get log(): Logger {
    return this.context.log;
  }

  /** The refusal for a URL attribute value under the current base, or null when it may load. */
  refusal(raw: string | null): Refusal | null {
    return this.verdicts.url(raw, this.base);
  }

  /** In report-only mode every action is logged; in enforce mode the caller carries it out, and logs it on a sampled response. */
  record(action: string, refusal: Refusal): void {
    const { decision, route, log, refusalSample, tally } = this.context;
    if (this.apply) tally?.add({ kind: "host", name: refusal.host, category: refusal.category, vendor: refusal.vendor?.id ?? null, reason: refusal.reason });
    if (this.apply && refusalSample === undefined) return;
    const line: PageAction & Record<string, unknown> = {
      action: action as PageAction["action"],
      vendor: refusal.vendor?.id ?? null,
      category: refusal.category,
      reason: refusal.reason,
      host: refusal.host,
    };
    const event = this.apply ? { consentry: "refused", sample: refusalSample } : { consentry: "report-only" };
    log(JSON.stringify({ ...event, policy: decision.policyId, route: route.source, path: this.pageUrl.pathname, jurisdiction: decision.jurisdiction, ...line }));
  }

  inHtmlNamespace(el: Element): boolean {
    return el.namespaceURI === HTML_NAMESPACE;
  }

  setBase(el: Element): void {
    if (this.baseSeen || this.templateDepth > 0 || !this.inHtmlNamespace(el)) return;
    const href = el.getAttribute("href");
    if (href === null) return;
    this.baseSeen = true;
    try {
      this.base = new URL(decodeAttribute(href), this.pageUrl);
    } catch {
      // HTML §4.2.3: an unparsable base leaves the document URL in force.
    }
  }

  /** Markup the parser could not take was met and worked around (src/html/ambiguity-scanner.ts): logged once per page. */
  ambiguous(): void {
    if (this.ambiguityLogged) return;
    this.ambiguityLogged = true;
    this.context.log(JSON.stringify({ consentry: "parse-ambiguity", path: this.pageUrl.pathname }));
  }

  /** The head script must run before any of the page's: at the top of <head>, else before the first script or body content. */
  head(insert: (html: string) => void, el?: Element, atDocumentEnd = false): void {
    // At the document's end no template is open any more, whatever the parser last saw
    // (a `</template>` inside text the scanner made raw is never seen as one).
    if (this.headWritten || !this.apply || (this.templateDepth > 0 && !atDocumentEnd)) return;
    if (el !== undefined && !this.inHtmlNamespace(el)) return;
    this.headWritten = true;
    insert(headScriptHtml(this.plan, this.nonces));
  }

  get headDone(): boolean {
    return this.headWritten || !this.apply;
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
  ui(): boolean {
    if (this.uiWritten) return false;
    this.uiWritten = true;
    return true;
  }

  /** Optional categories the visitor allowed, kept by a placeholder's form. */
  granted(): string[] {
    return this.context.policy.optionalCategories.filter((c) => this.context.decision.allowed.has(c));
  }
}
