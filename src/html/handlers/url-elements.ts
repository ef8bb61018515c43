/**
 * Elements whose attributes make the browser load something: one registration
 * with one selector (./select.ts), and the judge for the element's tag
 * (scripts, frames, other resources). An element is handed to JavaScript once
 * however many of its attributes may leave the site.
 */
import type { PageState } from "../page-state.ts";
import { frameHandlers } from "./frames.ts";
import { resourceHandlers } from "./resources.ts";
import { scriptHandlers } from "./scripts.ts";
import { urlElementsSelector } from "./select.ts";

export function registerUrlElements(rewriter: HTMLRewriter, page: PageState): void {
  const byTag: Record<string, ((el: Element) => void) | undefined> = { ...resourceHandlers(page), ...frameHandlers(page), ...scriptHandlers(page) };
  rewriter.on(urlElementsSelector(page.context.policy), {
    element: (el) => byTag[el.tagName]?.(el),
  });
}
