/**
 * `<noscript>` content reaches HTMLRewriter as text (it parses as a scripting
 * browser does), yet a browser without JavaScript parses it as markup and loads
 * what is inside: the classic tracking pixel. Tags with a refused URL are
 * removed; without JavaScript there is nothing to revive them, and the next page
 * after the visitor consents carries them again.
 */
import { decodeAttribute } from "./decode-attribute.ts";
import { srcsetUrls } from "./srcset.ts";
import type { Refusal } from "./url-verdict.ts";

const TAG = /<(img|iframe|frame|script|link|embed|source|object|video|audio|track|input|image|body|table|td|th|meta|a|area)\b[^>]*>/gi;
const URL_ATTRIBUTE = /\s(src|href|xlink:href|data|srcset|imagesrcset|poster|background|ping|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

export function filterNoscript(content: string, refused: (url: string) => Refusal | null, found: (refusal: Refusal) => void, apply: boolean): string {
  return content.replace(TAG, (tag) => {
    for (const match of tag.matchAll(URL_ATTRIBUTE)) {
      const name = match[1]!.toLowerCase();
      const value = decodeAttribute(match[2] ?? match[3] ?? match[4] ?? "");
      const urls = name === "srcset" || name === "imagesrcset" ? srcsetUrls(value) : name === "ping" ? value.split(/\s+/) : name === "content" ? [/url\s*=\s*(\S+)/i.exec(value)?.[1] ?? ""] : [value];
      for (const url of urls) {
        const refusal = refused(url);
        if (refusal === null) continue;
        found(refusal);
        return apply ? `<!-- consentry: ${(refusal.vendor?.id ?? refusal.host).replace(/--/g, "")} refused -->` : tag;
      }
    }
    return tag;
  });
}
