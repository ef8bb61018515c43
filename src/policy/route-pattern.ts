/**
 * Route patterns are URLPatterns (WHATWG URL Pattern standard). A pattern that
 * starts with `/` is a path on any host: `/billing{/*}?` matches `/billing` and
 * everything below it. Anything else is a whole URL pattern, such as
 * `https://app.example.com/*`.
 */
export function compileRoutePattern(pattern: string): URLPattern {
  return pattern.startsWith("/") ? new URLPattern({ pathname: pattern }) : new URLPattern(pattern);
}
