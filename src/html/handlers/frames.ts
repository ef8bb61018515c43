/**
 * Frames, embeds and objects. A refused one keeps its size and shows a
 * placeholder that names the vendor and offers to allow that vendor there and
 * then: an iframe as its own document (so it keeps the size the site's CSS gives
 * it), the others in front of the element, which is hidden. Frames that carry their own document (`srcdoc`, `data:` and
 * `javascript:` URLs) are judged by the hosts that document names: the browser
 * refuses those loads anyway (local documents inherit the page's CSP), and the
 * placeholder says why the frame stays empty.
 */
import { DORMANT } from "../../wire.ts";
import { dormantFrame, dormantIframe } from "../dormant.ts";
import { hostsIn, urlPayload } from "../embedded-urls.ts";
import { decodeAttribute } from "../decode-attribute.ts";
import type { PageState } from "../page-state.ts";
import { PLACEHOLDER_STYLE } from "../guard-config.ts";
import { placeholderDocument, placeholderHtml, placeholderName } from "../placeholder.ts";
import { holdAside, safely } from "../safely.ts";
import type { Refusal } from "../url-verdict.ts";

/** The first refused host a piece of content names. */
function refusedIn(page: PageState, content: string): Refusal | null {
  for (const host of hostsIn(content)) {
    const verdict = page.verdicts.host(host);
    if (!verdict.allowed) return { ...verdict, host };
  }
  return null;
}

function judgeFrame(page: PageState, el: Element, attribute: string): Refusal | null {
  const raw = el.getAttribute(attribute);
  if (attribute === "srcdoc") return raw === null ? null : refusedIn(page, decodeAttribute(raw));
  if (raw === null) return null;
  const payload = urlPayload(raw);
  return payload === null ? page.refusal(raw) : refusedIn(page, payload);
}

function frame(page: PageState, attribute: string) {
  return safely(
    page.log,
    "frame",
    (el: Element) => {
      // Already dormant: src and srcdoc on one frame, or the srcdoc is our placeholder.
      if (el.hasAttribute(`data-${attribute}`) || el.hasAttribute(DORMANT.placeholder)) return;
      const refusal = judgeFrame(page, el, attribute);
      if (refusal === null) return;
      page.record("neutralise-frame", refusal);
      if (!page.apply) return;
      const context = page.context;
      const input = {
        policy: context.policy,
        messages: page.language.messages,
        locale: page.language.locale,
        refusal,
        granted: page.granted(),
        vendors: [...context.decision.vendorGrants],
        origin: page.pageUrl.origin,
        returnPath: page.pageUrl.pathname + page.pageUrl.search,
      };
      if (el.tagName === "iframe") {
        // A frame with both keeps neither: srcdoc wins in the browser, src is its fallback.
        const title = decodeAttribute(el.getAttribute("title") ?? "").trim();
        const document = placeholderDocument({ ...input, locale: page.language.locale, styleNonce: page.nonces.style, style: PLACEHOLDER_STYLE, title: title === "" ? null : title });
        dormantIframe(el, refusal, placeholderName(refusal), document);
        return;
      }
      const placeholder = placeholderHtml({ ...input, width: el.getAttribute("width"), height: el.getAttribute("height") });
      dormantFrame(el, refusal, [attribute], page.placeholderStyle() + placeholder);
    },
    (el: Element) => holdAside(el, [attribute]),
  );
}

/** By tag name: what judges an element the URL selector (./select.ts) hands over. */
export function frameHandlers(page: PageState): Record<string, (el: Element) => void> {
  const src = frame(page, "src");
  return { iframe: src, frame: src, embed: src, object: frame(page, "data") };
}

/** `srcdoc` is a document, not a URL: every such frame is read. */
export function registerSrcdoc(rewriter: HTMLRewriter, page: PageState): void {
  rewriter.on("iframe[srcdoc]", { element: frame(page, "srcdoc") });
}
