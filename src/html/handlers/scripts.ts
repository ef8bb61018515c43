/**
 * External scripts: `<script src>`, and SVG's `<script href>` / `xlink:href`
 * (an HTML `<script href>` loads nothing; its inline code runs, and the
 * allowlist refuses whatever that code reaches for). A refused script becomes
 * dormant in the shared markup (`type="text/plain" data-src=…`). Types the
 * browser runs are every JavaScript MIME type HTML §4.12.1.1 lists and
 * `module`; Partytown's `text/partytown` is run by its loader, so it counts too.
 *
 * Inline scripts run as written: a vendor snippet inside one cannot reach its
 * vendor (the allowlist and the guard refuse the requests, the guard refuses its
 * cookies), and holding code back would also hold back whatever else the site
 * defined in the same script.
 */
import { dormantScript, isExecutableScriptType, isLoaderScriptType } from "../dormant.ts";
import type { PageState } from "../page-state.ts";
import { holdAside, safely } from "../safely.ts";

function external(page: PageState, attribute: string) {
  return safely(
    page.log,
    "script",
    (el: Element) => {
      page.head((html) => el.before(html, { html: true }), el);
      const svg = !page.inHtmlNamespace(el);
      // HTML scripts load only from src; SVG scripts from href or xlink:href.
      if ((attribute !== "src" && !svg) || (attribute !== "src" && el.hasAttribute("src"))) return;
      if (attribute === "xlink:href" && el.hasAttribute("href")) return;
      const type = el.getAttribute("type");
      if (!isExecutableScriptType(type, el.getAttribute("language")) && !isLoaderScriptType(type)) return;
      const refusal = page.refusal(el.getAttribute(attribute));
      if (refusal === null) return;
      page.record("neutralise-script", refusal);
      if (page.apply) dormantScript(el, refusal, attribute);
    },
    (el: Element) => holdAside(el, [attribute]),
  );
}

/** By tag name: what judges an element the URL selector (./select.ts) hands over. */
export function scriptHandlers(page: PageState): Record<string, (el: Element) => void> {
  const byAttribute = (["src", "href", "xlink:href"] as const).map((attribute) => [attribute, external(page, attribute)] as const);
  return {
    script: (el) => {
      for (const [attribute, judge] of byAttribute) if (el.hasAttribute(attribute)) judge(el);
    },
  };
}
