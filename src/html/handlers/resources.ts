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
import { mayLeave } from "./select.ts";

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

export function registerResources(rewriter: HTMLRewriter, page: PageState): void {
  const on = (selector: string, handler: (el: Element) => void) => rewriter.on(selector, { element: handler });
  const images = resource(page, ["src", "srcset"]);
  on(`${mayLeave(page.context.policy, ["img", "source"], "src")}, ${mayLeave(page.context.policy, ["img", "source"], "srcset")}`, images);
  on(mayLeave(page.context.policy, ["input"], "src"), resource(page, ["src"]));
  on(`${mayLeave(page.context.policy, ["video"], "src")}, ${mayLeave(page.context.policy, ["video"], "poster")}`, resource(page, ["src", "poster"]));
  on(mayLeave(page.context.policy, ["audio", "track"], "src"), resource(page, ["src"]));
  on(mayLeave(page.context.policy, ["table", "td", "th", "body"], "background"), resource(page, ["background"]));
  on(`${mayLeave(page.context.policy, ["image", "feImage", "use"], "href")}, ${mayLeave(page.context.policy, ["image", "feImage", "use"], "xlink:href")}`, resource(page, ["href", "xlink:href"]));
  const loads = (el: Element) => LOADING_RELS.test(el.getAttribute("rel") ?? "");
  on(`${mayLeave(page.context.policy, ["link"], "href")}, ${mayLeave(page.context.policy, ["link"], "imagesrcset")}`, resource(page, ["href", "imagesrcset"], loads));
  on(mayLeave(page.context.policy, ["a", "area"], "ping"), resource(page, ["ping"]));
  on("meta[http-equiv]", refresh(page));
}
