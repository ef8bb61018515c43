/**
 * Everything else in markup that makes the browser fetch, connect or navigate by
 * itself: images and their `srcset` (also `<picture><source>`), `<input
 * type=image>`, media and `poster`, `<track>`, table and body `background`,
 * SVG `<image>`/`<feImage>`/`<use>` (`href`, `xlink:href`), `<link>` that loads
 * or connects (stylesheet, icons, manifest, preload and its `imagesrcset`,
 * prefetch, modulepreload, preconnect, dns-prefetch), `ping` on links, and
 * `<meta http-equiv=refresh>` to a refused host. A refused element keeps its URL
 * aside (`data-src`, `data-srcset`, …) and becomes dormant.
 *
 * Preconnect, dns-prefetch and navigations are not governed by CSP (FACTS):
 * here the rewriter is the only line, so every `<link>` and `<meta>` is read.
 */
import { dormantResource } from "../dormant.ts";
import { decodeAttribute } from "../decode-attribute.ts";
import type { PageState } from "../page-state.ts";
import { holdAside, safely } from "../safely.ts";
import { srcsetUrls } from "../srcset.ts";
import type { Refusal } from "../url-verdict.ts";

/** Link relations that fetch or connect on their own (HTML §4.6.7), or whose resource the page applies. */
const LOADING_RELS = /(?:^|\s)(?:stylesheet|icon|apple-touch-icon(?:-precomposed)?|mask-icon|preload|prefetch|modulepreload|preconnect|dns-prefetch|manifest|prerender|next)(?:\s|$)/i;

const SRCSET = new Set(["srcset", "imagesrcset"]);

function judge(page: PageState, el: Element, attribute: string): Refusal | null {
  const raw = el.getAttribute(attribute);
  if (raw === null) return null;
  if (SRCSET.has(attribute)) {
    for (const url of srcsetUrls(decodeAttribute(raw))) {
      const refusal = page.refusal(url);
      if (refusal !== null) return refusal;
    }
    return null;
  }
  if (attribute === "ping") {
    // A space-separated list of URLs (HTML §4.6.5).
    for (const url of decodeAttribute(raw).split(/[\t\n\f\r ]+/)) {
      const refusal = page.refusal(url);
      if (refusal !== null) return refusal;
    }
    return null;
  }
  return page.refusal(raw);
}

/** Judges each of `attributes`; any refusal makes the element dormant with all of them moved aside. */
function resource(page: PageState, attributes: readonly string[], applies: (el: Element) => boolean = () => true) {
  return safely(
    page.log,
    "resource",
    (el: Element) => {
      if (el.hasAttribute("data-consentry") || !applies(el)) return;
      for (const attribute of attributes) {
        const refusal = judge(page, el, attribute);
        if (refusal === null) continue;
        page.record("neutralise-resource", refusal);
        if (page.apply) dormantResource(el, refusal, attributes);
        return;
      }
    },
    (el: Element) => holdAside(el, attributes),
  );
}

/** `<meta http-equiv=refresh content="0; url=…">` (HTML §4.2.5.3): a navigation, out of CSP's reach. */
function refresh(page: PageState) {
  return safely(
    page.log,
    "refresh",
    (el: Element) => {
      if ((el.getAttribute("http-equiv") ?? "").trim().toLowerCase() !== "refresh") return;
      const target = /^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(["']?)(.*?)\1\s*$/is.exec(decodeAttribute(el.getAttribute("content") ?? ""))?.[2] ?? "";
      const refusal = page.refusal(target);
      if (refusal === null) return;
      page.record("remove-refresh", refusal);
      if (page.apply) dormantResource(el, refusal, ["content"]);
    },
    (el: Element) => holdAside(el, ["content"]),
  );
}

/** By tag name: what judges an element the URL selector (./select.ts) hands over. */
export function resourceHandlers(page: PageState): Record<string, (el: Element) => void> {
  const images = resource(page, ["src", "srcset"]);
  const src = resource(page, ["src"]);
  const background = resource(page, ["background"]);
  const svg = resource(page, ["href", "xlink:href"]);
  const ping = resource(page, ["ping"]);
  const loads = (el: Element) => LOADING_RELS.test(el.getAttribute("rel") ?? "");
  return {
    img: images,
    source: images,
    input: src,
    video: resource(page, ["src", "poster"]),
    audio: src,
    track: src,
    table: background,
    td: background,
    th: background,
    body: background,
    image: svg,
    feimage: svg,
    use: svg,
    link: resource(page, ["href", "imagesrcset"], loads),
    a: ping,
    area: ping,
  };
}

export function registerRefresh(rewriter: HTMLRewriter, page: PageState): void {
  rewriter.on("meta[http-equiv]", { element: refresh(page) });
}
