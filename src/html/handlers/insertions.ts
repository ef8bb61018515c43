/**
 * What Consentry adds to a page, each exactly once:
 * - the head script (Consent Mode defaults and the guard) before anything of the
 *   page's can run: as the first child of `<head>`, or just after a leading
 *   `<meta charset>` so the encoding prescan still finds it in the first 1,024
 *   bytes (HTML §13.2.3.2); failing that (an empty or missing `<head>`), at the
 *   start of `<body>`, before an external script, or at the end of the document;
 * - the banner or the settings control at the start of `<body>`;
 * - the cookie declaration in any `[data-consent-cookie-table]` element.
 * `<template>` contents never run and `<base>` there is inert: both are tracked.
 * `element.onEndTag` does not fire without `</body>` (FACTS), hence the document end.
 */
import { COOKIE_TABLE_SELECTOR, declarationTableHtml } from "../../banner/declaration.ts";
import { pageUiHtml } from "../../banner/page-ui.ts";
import { categoryViews } from "../../banner/view.ts";
import type { PageState } from "../page-state.ts";
import { safely } from "../safely.ts";

function isCharsetMeta(el: Element): boolean {
  return el.tagName === "meta" && (el.hasAttribute("charset") || (el.getAttribute("http-equiv") ?? "").toLowerCase() === "content-type");
}

export function registerInsertions(rewriter: HTMLRewriter, page: PageState): void {
  const { log } = page;
  const context = page.context;
  const ui = (insert: (html: string) => void) => {
    if (!page.ui()) return;
    const html = pageUiHtml(context, page.nonces, page.language);
    if (html !== null) insert(html);
  };

  rewriter.on("template", {
    element: safely(log, "template", (el: Element) => {
      page.templateDepth += 1;
      el.onEndTag(() => {
        page.templateDepth -= 1;
      });
    }),
  });
  rewriter.on("base[href]", { element: safely(log, "base", (el: Element) => page.setBase(el)) });
  rewriter.on("head > :first-child", {
    element: safely(log, "head", (el: Element) => page.head((html) => (isCharsetMeta(el) ? el.after(html, { html: true }) : el.before(html, { html: true })))),
  });
  rewriter.on("body", {
    element: safely(log, "body", (el: Element) => {
      // Both prepend: the head script, written last, ends up first.
      ui((html) => el.prepend(html, { html: true }));
      page.head((html) => el.prepend(html, { html: true }));
    }),
  });
  rewriter.on(COOKIE_TABLE_SELECTOR, {
    element: safely(log, "cookie-table", (el: Element) => {
      el.setInnerContent(declarationTableHtml(context.policy, categoryViews(context.policy, context.decision, page.language.locale), page.language.messages, page.pageUrl.hostname), { html: true });
    }),
  });
  // No <head> and no <body> (a fragment): everything still goes in, at the end at worst.
  rewriter.onDocument({
    end: safely(log, "document-end", (end: DocumentEnd) => {
      page.head((html) => end.append(html, { html: true }), undefined, true);
      ui((html) => end.append(html, { html: true }));
    }),
  });
}
