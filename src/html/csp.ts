/**
 * Nonces from the page's Content-Security-Policy, so Consentry's own inline
 * script and style run under a strict policy (CSP3 §6.7.3.3: a nonce source
 * matches an element whose nonce attribute carries the same value).
 */
export interface CspNonces {
  script: string | null;
  style: string | null;
}

const NONCE = /'nonce-([A-Za-z0-9+/_=-]+)'/;

export function cspNonces(headers: Headers): CspNonces {
  const policy = headers.get("content-security-policy");
  if (policy === null) return { script: null, style: null };
  const directives = new Map<string, string>();
  for (const part of policy.split(/[;,]/)) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "" && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values.join(" "));
  }
  const find = (...names: string[]) => {
    for (const name of names) {
      const value = directives.get(name);
      if (value !== undefined) return NONCE.exec(value)?.[1] ?? null;
    }
    return null;
  };
  return { script: find("script-src-elem", "script-src", "default-src"), style: find("style-src-elem", "style-src", "default-src") };
}

export function nonceAttribute(nonce: string | null): string {
  return nonce === null ? "" : ` nonce="${nonce}"`;
}
