/**
 * Maps a URL host to the vendor that owns it. A listed host covers itself and
 * every subdomain (as cookie domains do), so the lookup walks up the labels:
 * `www.google-analytics.com` → `google-analytics.com` → `com`.
 */
export function createHostMatcher<T>(entries: Iterable<readonly [string, T]>): (host: string) => T | undefined {
  const table = new Map<string, T>();
  for (const [host, value] of entries) {
    // The first entry wins; callers order entries by precedence.
    if (!table.has(host)) table.set(host, value);
  }
  return (input) => {
    let host = input.toLowerCase();
    if (host.endsWith(".")) host = host.slice(0, -1);
    for (;;) {
      const hit = table.get(host);
      if (hit !== undefined) return hit;
      const dot = host.indexOf(".");
      if (dot < 0) return undefined;
      host = host.slice(dot + 1);
    }
  };
}
