/**
 * `<noscript>`: its content is held back while it streams in, then written out
 * with the tags of refused hosts removed (see ../noscript.ts).
 */
import { filterNoscript } from "../noscript.ts";
import type { PageState } from "../page-state.ts";
import { safely } from "../safely.ts";

export function registerNoscript(rewriter: HTMLRewriter, page: PageState): void {
  let buffer: string | null = null;
  rewriter.on("noscript", {
    element: safely(page.log, "noscript", (el: Element) => {
      buffer = "";
      el.onEndTag(
        safely(
          page.log,
          "noscript-end",
          (end: EndTag) => {
            const text = buffer ?? "";
            buffer = null;
            end.before(filterNoscript(text, (url) => page.refusal(url), (refusal) => page.record("remove-noscript-tag", refusal), page.apply), { html: true });
          },
          () => {
            buffer = null;
          },
        ),
      );
    }),
    text: safely(page.log, "noscript-text", (text: Text) => {
      if (buffer === null) return;
      buffer += text.text;
      text.remove();
    }),
  });
}
