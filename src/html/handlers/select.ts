/**
 * Selectors that keep first-party elements out of JavaScript (each handler call
 * costs ~15 µs; FACTS): an element is handed over only when its URL attribute
 * could leave the site: a scheme (`:`), a protocol-relative start (`//`, `\\`),
 * or a character reference that could hide either (`&`). A relative URL under a
 * third-party `<base>` is refused by the allowlist the browser enforces.
 */
export function mayLeave(tags: readonly string[], attribute: string): string {
  const name = attribute.replace(":", "\\:");
  return tags.flatMap((tag) => [":", "//", "\\\\", "&"].map((needle) => `${tag}[${name}*="${needle}"]`)).join(", ");
}
