/**
 * Frames, embeds and objects. A refused one keeps its size and is hidden behind a
 * placeholder that names the vendor and offers to allow that vendor there and
 * then. Frames that carry their own document (`srcdoc`, `data:` and
 * `javascript:` URLs) are judged by the hosts that document names: the browser
 * refuses those loads anyway (local documents inherit the page's CSP), and the
 * placeholder says why the frame stays empty.
 */
import { dormantFrame } from "../dormant.ts";
import { hostsIn, urlPayload } from "../embedded-urls.ts";
import { decodeAttribute } from "../decode-attribute.ts";
import type { PageState } from "../page-state.ts";
import { placeholderHtml } from "../placeholder.ts";
import { holdAside, safely } from "../safely.ts";
import type { Refusal } from "../url-verdict.ts";
import { mayLeave } from "./select.ts";

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
      if (el.hasAttribute(`data-${attribute}`)) return; // already dormant (src and srcdoc on one frame)
      const refusal = judgeFrame(page, el, attribute);
      if (refusal === null) return;
      page.record("neutralise-frame", refusal);
      if (!page.apply) return;
      const context = page.context;
      const placeholder = placeholderHtml({
        policy: context.policy,
        messages: page.language.messages,
        refusal,
        granted: page.granted(),
        vendors: [...context.decision.vendorGrants],
        returnPath: page.pageUrl.pathname + page.pageUrl.search,
        width: el.getAttribute("width"),
        height: el.getAttribute("height"),
      });
      // A frame with both keeps neither: srcdoc wins in the browser, src is its fallback.
      const attributes = el.tagName === "iframe" ? ["src", "srcdoc"] : [attribute];
      dormantFrame(el, refusal, attributes, page.placeholderStyle() + placeholder);
    },
    (el: Element) => holdAside(el, [attribute]),
  );
}

export function registerFrames(rewriter: HTMLRewriter, page: PageState): void {
  rewriter.on(mayLeave(page.context.policy, ["iframe", "frame", "embed"], "src"), { element: frame(page, "src") });
  rewriter.on(mayLeave(page.context.policy, ["object"], "data"), { element: frame(page, "data") });
  rewriter.on("iframe[srcdoc]", { element: frame(page, "srcdoc") });
}
