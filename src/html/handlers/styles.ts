/**
 * CSS in `<style>` elements and `style=` attributes: `url()`, `@import` and
 * `image-set()` targets on refused hosts are pointed at `data:,` (which loads
 * nothing). A `<style>` is read chunk by chunk as it streams; a URL split across
 * two chunks is left to the browser's allowlist, which refuses it all the same.
 */
import { neutraliseCss } from "../css-urls.ts";
import type { PageState } from "../page-state.ts";
import { decodeAttribute } from "../decode-attribute.ts";
import { safely } from "../safely.ts";
import type { Refusal } from "../url-verdict.ts";

export function registerStyles(rewriter: HTMLRewriter, page: PageState): void {
  const refused = (url: string): Refusal | null => page.refusal(url);
  const found = (refusal: Refusal) => page.record("neutralise-style", refusal);

  rewriter.on("style", {
    text: safely(page.log, "style", (text: Text) => {
      const css = neutraliseCss(text.text, refused, found);
      if (css !== null && page.apply) text.replace(css, { html: true });
    }),
  });
  rewriter.on('[style*="url("], [style*="URL("], [style*="@import"], [style*="image-set("], [style*="\\\\"]', {
    element: safely(
      page.log,
      "style-attribute",
      (el: Element) => {
        const value = el.getAttribute("style");
        if (value === null) return;
        // The raw value may hold character references (`&quot;`): judge what the browser reads, write it back escaped.
        const css = neutraliseCss(decodeAttribute(value), refused, found);
        if (css !== null && page.apply) el.setAttribute("style", css.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
      },
      (el: Element) => el.removeAttribute("style"),
    ),
  });
}
