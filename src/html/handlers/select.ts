/**
 * The one selector that hands elements with a URL to JavaScript, and only those
 * whose URL could leave the site. Every element of the page is matched against
 * every compound selector registered (natively, but per element and per
 * compound: measured, a copy of the per-tag selectors this replaced cost
 * ~1.8 ms per 100 KB page), and every handler call costs ~15 µs (FACTS). So:
 * - one compound per attribute and way of leaving, on any tag; the handler picks
 *   what judges the element by its tag name (./url-elements.ts);
 * - for the frequent attributes (`src`, `srcset`, `href` outside links), only a
 *   value that could leave the site: a scheme (`:`), a protocol-relative start
 *   (`//`, `\\`), or a character reference that could hide either (`&`); and not
 *   one naming one of the policy's own hosts (`//westhub.app/`, `.westhub.app/`),
 *   which real pages write as absolute URLs by the hundred;
 * - the rare ones (`data`, `poster`, `background`, `imagesrcset`, `xlink:href`,
 *   `ping`) whatever their value.
 * What a selector lets pass natively that a browser would still load elsewhere
 * (a relative URL under a third-party `<base>`, a first-party-looking string in a
 * query) is refused by the allowlist the browser enforces.
 */
import type { CompiledPolicy } from "../../policy/compile.ts";

const cache = new WeakMap<CompiledPolicy, string>();

/** Attributes whose value is a URL on most elements that carry them. */
const FREQUENT = ["src", "srcset"];
/** Attributes that load something on few elements and are rare on pages. */
const RARE = ["data", "poster", "background", "imagesrcset", "xlink\\:href", "ping"];

function leaving(attribute: string, hosts: readonly string[], scope = ""): string[] {
  const own = hosts.map((host) => `:not([${attribute}*="//${host}/"]):not([${attribute}*=".${host}/"])`).join("");
  return [`[${attribute}*=":"]${scope}${own}`, `[${attribute}*="//"]${scope}${own}`, `[${attribute}*="\\\\"]${scope}`, `[${attribute}*="&"]${scope}`];
}

export function urlElementsSelector(policy: CompiledPolicy): string {
  let selector = cache.get(policy);
  if (selector === undefined) {
    selector = [
      ...FREQUENT.flatMap((attribute) => leaving(attribute, policy.hosts)),
      // `href` on a link or area is a navigation, not a load: out of scope here.
      ...leaving("href", policy.hosts, ":not(a):not(area)"),
      ...RARE.map((attribute) => `[${attribute}]`),
    ].join(", ");
    cache.set(policy, selector);
  }
  return selector;
}
