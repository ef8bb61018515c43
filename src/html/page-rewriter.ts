/**
 * Neutralises what a visitor has not agreed to while the HTML streams through
 * HTMLRewriter, and adds Consentry's own pieces. Each concern registers its own
 * handlers (handlers/): insertions (head script, banner, cookie table, base and
 * template tracking), elements with URLs (scripts, frames, other resources),
 * `srcdoc`, `<meta http-equiv=refresh>`, styles, `<noscript>`.
 * The page's state lives in page-state.ts; every handler is wrapped so an
 * exception neither truncates the page nor lets the element through.
 *
 * The rewriting keeps pages tidy and works without JavaScript; the allowlist the
 * browser enforces (the CSP header, src/allowlist/) is what makes leaks
 * impossible, including the ways of loading that no rewriting can see.
 */
import { extractMimeEssence } from "../http/mime.ts";
import type { HtmlTransform } from "../proxy/shape-response.ts";
import { guardedTransform } from "./guarded-transform.ts";
import { registerSrcdoc } from "./handlers/frames.ts";
import { registerInsertions } from "./handlers/insertions.ts";
import { registerNoscript } from "./handlers/noscript.ts";
import { registerRefresh } from "./handlers/resources.ts";
import { registerStyles } from "./handlers/styles.ts";
import { registerSynthetic } from "./handlers/synthetic.ts";
import { registerUrlElements } from "./handlers/url-elements.ts";
import { PageState } from "./page-state.ts";

export function createPageRewriter(): HtmlTransform {
  return (response, context) => {
    // XHTML is parsed as XML: Consentry's HTML insertions would make the page ill-formed.
    // It passes unrewritten, with the allowlist the browser enforces.
    if (extractMimeEssence(response.headers.get("content-type")) === "application/xhtml+xml") return null;
    const page = new PageState(context, response.headers);
    const rewriter = new HTMLRewriter();
    // Insertions first: the head script must land before a first-child script is judged.
    registerInsertions(rewriter, page);
    registerUrlElements(rewriter, page);
    registerSrcdoc(rewriter, page);
    registerRefresh(rewriter, page);
    registerStyles(rewriter, page);
    registerNoscript(rewriter, page);
    registerSynthetic(rewriter, page);
    // What the page refused is counted once the whole document has gone through (Analytics Engine, when bound).
    if (context.tally !== undefined) rewriter.onDocument({ end: () => context.tally?.flush() });
    return guardedTransform(rewriter, response, () => page.ambiguous());
  };
}
