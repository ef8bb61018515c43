/**
 * Removes what the ambiguity scanner slipped into the input
 * (src/html/ambiguity-scanner.ts), so the visitor gets the origin's bytes: the
 * `<input>` that closed a `<select>` for the parser goes; the `<noframes>` that
 * made a frameset page's tail raw text goes, its content stays, and the page's
 * own `</noframes>` that ended it is written back.
 */
import { SYNTHETIC_ATTRIBUTE } from "../ambiguity-scanner.ts";
import type { PageState } from "../page-state.ts";
import { safely } from "../safely.ts";

export function registerSynthetic(rewriter: HTMLRewriter, page: PageState): void {
  rewriter.on(`input[${SYNTHETIC_ATTRIBUTE}]`, { element: safely(page.log, "synthetic", (el: Element) => el.remove()) });
  rewriter.on(`noframes[${SYNTHETIC_ATTRIBUTE}]`, {
    element: safely(page.log, "synthetic", (el: Element) => {
      el.removeAndKeepContent();
      el.onEndTag((end) => {
        end.after("</noframes>", { html: true });
      });
    }),
  });
}
