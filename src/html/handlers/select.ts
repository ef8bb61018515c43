/**
 * Selectors that keep first-party elements out of JavaScript (each handler call
 * costs ~15 µs; FACTS): an element is handed over only when its URL attribute
 * could leave the site: a scheme (`:`), a protocol-relative start (`//`, `\\`),
 * or a character reference that could hide either (`&`); and not when it names
 * one of the policy's own hosts (`//westhub.app/`, `.westhub.app/`), which real
 * pages write as absolute URLs by the hundred. What a selector lets pass
 * natively that a browser would still load elsewhere (a relative URL under a
 * third-party `<base>`, a first-party-looking string in a query) is refused by the
 * allowlist the browser enforces.
 */
import type { CompiledPolicy } from "../../policy/compile.ts";

const cache = new WeakMap<CompiledPolicy, Map<string, string>>();

export function mayLeave(policy: CompiledPolicy, tags: readonly string[], attribute: string): string {
  let perPolicy = cache.get(policy);
  if (perPolicy === undefined) cache.set(policy, (perPolicy = new Map()));
  const key = `${tags.join(",")} ${attribute}`;
  let selector = perPolicy.get(key);
  if (selector === undefined) {
    const name = attribute.replace(":", "\\:");
    const own = policy.hosts.map((host) => `:not([${name}*="//${host}/"]):not([${name}*=".${host}/"])`).join("");
    selector = tags
      .flatMap((tag) => [`${tag}[${name}*=":"]${own}`, `${tag}[${name}*="//"]${own}`, `${tag}[${name}*="\\\\"]`, `${tag}[${name}*="&"]`])
      .join(", ");
    perPolicy.set(key, selector);
  }
  return selector;
}
