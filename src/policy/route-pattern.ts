/**
 * Route patterns are URLPatterns (WHATWG URL Pattern standard). A pattern that
 * starts with `/` is a path on any host: `/billing{/*}?` matches `/billing` and
 * everything below it. Anything else is a whole URL pattern, such as
 * `https://app.example.com/*`.
 *
 * Every proxied request asks which route it is on, and `URLPattern.test` costs
 * tens of microseconds per pattern here (it serialises and parses the URL again).
 * A path pattern's leading literal (`/billing` above) is checked first: a
 * pathname that does not start with it cannot match (the parser never changes
 * those characters, and the pattern is case-sensitive), so most requests are
 * answered by `startsWith` alone.
 */
export interface RoutePattern {
  test(url: URL): boolean;
}

/** Characters a canonical pathname keeps as they are: no escapes, no dot segments, no pattern syntax. */
const PLAIN = /^[A-Za-z0-9_~\/-]*/;

export function compileRoutePattern(pattern: string): RoutePattern {
  const compiled = pattern.startsWith("/") ? new URLPattern({ pathname: pattern }) : new URLPattern(pattern);
  // A `.` or `%` anywhere may be a dot segment (`/a/../b`) that removes what comes before it.
  const prefix = routePrefix(pattern);
  if (prefix.length <= 1) return compiled;
  return { test: (url) => url.pathname.startsWith(prefix) && compiled.test(url) };
}

/** The literal a pathname must start with for `pattern` to match it ("" when there is none to use): exported for tests. */
export function routePrefix(pattern: string): string {
  return pattern.startsWith("/") && !/[.%]/.test(pattern) ? PLAIN.exec(pattern)![0] : "";
}
