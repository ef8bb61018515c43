/**
 * A site's own Content-Security-Policy and Consentry's inline code. Consentry's
 * head script (Consent Mode defaults and the guard), banner script and styles are
 * inline; a site policy that allows inline code only by nonce (Consentry carries
 * the page's nonce, src/html/csp.ts), by hash, or not at all would refuse them,
 * and the guard would never run. Where a site policy would refuse them, the
 * exact hashes of Consentry's own elements are added to the directive that
 * governs them (CSP3 §6.7.3.4 hash sources), and nothing else: the site's policy
 * admits Consentry's code and stays exactly as strict for everything else.
 *
 * Pure over the header value; the hashes are computed once per page plan (src/html/inline-hashes.ts).
 */

export interface InlineSources {
  /** Hash sources (`'sha256-…'`) of Consentry's `<script>` elements. */
  scripts: readonly string[];
  /** Hash sources of Consentry's `<style>` elements. */
  styles: readonly string[];
  /** The nonces Consentry writes on its elements (from the page's own policy), if any. */
  scriptNonce: string | null;
  styleNonce: string | null;
}

const HASH_OR_NONCE = /^'(?:nonce-|sha256-|sha384-|sha512-)/i;

/** The sources of `name` in a parsed policy, or undefined. */
function sources(policy: Map<string, string[]>, ...names: string[]): { name: string; list: string[] } | undefined {
  for (const name of names) {
    const list = policy.get(name);
    if (list !== undefined) return { name, list };
  }
  return undefined;
}

/** Whether a directive's sources already admit an inline element with this nonce (CSP3 §6.7.3.3, §6.7.3.5). */
function admits(list: readonly string[], nonce: string | null): boolean {
  const lower = list.map((s) => s.toLowerCase());
  const strict = lower.some((s) => HASH_OR_NONCE.test(s) || s === "'strict-dynamic'");
  if (!strict) return lower.includes("'unsafe-inline'");
  return nonce !== null && list.includes(`'nonce-${nonce}'`);
}

function parsePolicy(text: string): { order: string[]; directives: Map<string, string[]> } {
  const order: string[] = [];
  const directives = new Map<string, string[]>();
  for (const part of text.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name === undefined || name === "") continue;
    const key = name.toLowerCase();
    // CSP3 §2.2.1: a repeated directive is ignored.
    if (directives.has(key)) continue;
    order.push(key);
    directives.set(key, values);
  }
  return { order, directives };
}

function serialise({ order, directives }: { order: string[]; directives: Map<string, string[]> }): string {
  return order.map((name) => [name, ...directives.get(name)!].join(" ")).join("; ");
}

/**
 * One site policy, with Consentry's hashes added where it would refuse
 * Consentry's inline elements; unchanged (same string) otherwise.
 */
export function admitConsentry(policyText: string, inline: InlineSources): string {
  const policy = parsePolicy(policyText);
  let changed = false;
  const admit = (names: string[], hashes: readonly string[], nonce: string | null) => {
    const directive = sources(policy.directives, ...names);
    if (directive === undefined || hashes.length === 0 || admits(directive.list, nonce)) return;
    for (const hash of hashes) if (!directive.list.includes(hash)) directive.list.push(hash);
    changed = true;
  };
  admit(["script-src-elem", "script-src", "default-src"], inline.scripts, inline.scriptNonce);
  admit(["style-src-elem", "style-src", "default-src"], inline.styles, inline.styleNonce);
  return changed ? serialise(policy) : policyText;
}

/**
 * Every policy of a `Content-Security-Policy` header value (policies are
 * comma-separated, CSP3 §3.1), each admitting Consentry's inline elements.
 */
export function admitConsentryAll(headerValue: string, inline: InlineSources): string {
  const policies = headerValue.split(",");
  const out = policies.map((p) => admitConsentry(p.trim(), inline));
  return out.every((p, i) => p === policies[i]!.trim()) ? headerValue : out.join(", ");
}
