/**
 * Removes what the ambiguity scanner slipped into the input
 * (src/html/ambiguity-scanner.ts), so the visitor gets the origin's bytes: the
 * `<input>` that closed a `<select>` for the parser goes; the `<p>` and the
 * `<noframes>` that made a frameset page's tail raw text go, their content stays,
 * and whatever end tag of the page closed them (in the parser's eyes) is written back.
 */
import { SYNTHETIC_ATTRIBUTE } from "../ambiguity-scanner.ts";
import type { PageState } from "../page-state.ts";
import { safely } from "../safely.ts";

export function registerSynthetic(rewriter: HTMLRewriter, page: PageState): void {
  rewriter.on(`input[${SYNTHETIC_ATTRIBUTE}]`, { element: safely(page.log, "synthetic", (el: Element) => el.remove()) });
  rewriter.on(`p[${SYNTHETIC_ATTRIBUTE}], noframes[${SYNTHETIC_ATTRIBUTE}]`, {
    element: safely(page.log, "synthetic", (el: Element) => {
      el.removeAndKeepContent();
      el.onEndTag((end) => {
        end.after(`</${end.name}>`, { html: true });
      });
    }),
  });
}
