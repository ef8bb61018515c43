/**
 * `<noscript>` content reaches HTMLRewriter as text (it parses as a scripting
 * browser does), yet a browser without JavaScript loads what is inside: the
 * classic tracking pixel. Tags whose URL reaches a blocked vendor are removed;
 * without JavaScript there is nothing to revive them, and the next page after the
 * visitor consents carries them again.
 */
import type { BlockedVerdict } from "./page-plan.ts";
import type { PageAction } from "./page-rewriter.ts";

const TAG = /<(img|iframe|script|link|embed|source|object|video|audio)\b[^>]*>/gi;
const URL_ATTRIBUTE = /\s(?:src|href|data|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

export function filterNoscript(
  content: string,
  verdict: (url: string) => BlockedVerdict | null,
  apply: boolean,
  record: (action: PageAction) => void,
): string {
  return content.replace(TAG, (tag) => {
    for (const match of tag.matchAll(URL_ATTRIBUTE)) {
      const url = (match[1] ?? match[2] ?? match[3] ?? "").split(/[\s,]/, 1)[0] ?? "";
      const blocked = verdict(url);
      if (blocked === null) continue;
      record({ action: "remove-noscript-tag", vendor: blocked.vendor.id, category: blocked.category, reason: blocked.reason, url });
      return apply ? `<!-- consentry: ${blocked.vendor.id} blocked -->` : tag;
    }
    return tag;
  });
}
