/**
 * A handler that throws errors the whole body stream (FACTS: the visitor gets a
 * truncated page). Every handler is wrapped: an exception is logged, and the
 * element is held aside (fails closed) instead of passing through or cutting
 * the page short.
 */
import type { Logger } from "../enforce/report.ts";

export function safely<T extends unknown[]>(log: Logger, what: string, body: (...args: T) => void, fallback?: (...args: T) => void) {
  return (...args: T): void => {
    try {
      body(...args);
    } catch (error) {
      log(JSON.stringify({ consentry: "enforcement-error", stage: `html:${what}`, error: String(error) }));
      try {
        fallback?.(...args);
      } catch {
        // Nothing more can be done for this element without breaking the stream.
      }
    }
  };
}

/** Fails closed: a URL that could not be judged is moved aside, as a dormant element of no known category. */
export function holdAside(el: Element, attributes: readonly string[]): void {
  for (const attribute of attributes) {
    const value = el.getAttribute(attribute);
    if (value === null) continue;
    el.setAttribute(`data-${attribute.replace(":", "-")}`, value);
    el.removeAttribute(attribute);
    el.setAttribute("data-category", "unknown");
  }
}
