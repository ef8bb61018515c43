/**
 * Whether a state-changing request comes from the site's own pages. Fetch
 * Metadata (`Sec-Fetch-Site`) when the browser sends it, else the `Origin`
 * header, which every current browser sends on POST. A request with neither
 * (a script, an old client) is refused: a consent record must come from the visitor.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (origin === null || origin === "null") return false;
  return origin === new URL(request.url).origin;
}

/** Moved to return-path.ts (normalise, then check); re-exported for existing imports. */
export { safeReturnPath } from "./return-path.ts";
