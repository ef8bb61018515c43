/**
 * The `Link` response header (RFC 8288 §3): `<uri>; rel=preload; as=script, <uri2>; rel=preconnect`.
 * A browser acts on some of these before it parses a byte of the page (HTML
 * §4.6.7: preload, modulepreload, prefetch, preconnect, dns-prefetch), so a
 * tracker's preload must go before the page does.
 */
export interface LinkValue {
  /** The URI reference between `<` and `>`, as written. */
  uri: string;
  /** Relation types, lower-case. */
  rels: string[];
  /** The link-value exactly as written, to put back unchanged. */
  raw: string;
}

/** Splits on commas outside `<…>` and quoted strings; a part that does not parse is kept as raw text. */
export function parseLinkHeader(value: string): LinkValue[] {
  const out: LinkValue[] = [];
  let start = 0;
  let inUri = false;
  let quoted = false;
  for (let i = 0; i <= value.length; i++) {
    const c = value[i];
    if (i === value.length || (c === "," && !inUri && !quoted)) {
      const raw = value.slice(start, i).trim();
      if (raw !== "") out.push(parseOne(raw));
      start = i + 1;
    } else if (c === "<" && !quoted) inUri = true;
    else if (c === ">" && !quoted) inUri = false;
    else if (c === '"' && !inUri) quoted = !quoted;
    else if (c === "\\" && quoted) i++;
  }
  return out;
}

function parseOne(raw: string): LinkValue {
  const match = /^<([^>]*)>(.*)$/s.exec(raw);
  if (match === null) return { uri: "", rels: [], raw };
  const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(match[2]!);
  const rels = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return { uri: match[1]!.trim(), rels, raw };
}

/** Relations that make the browser connect or fetch on its own (HTML §4.6.7). */
export const FETCHING_RELS: ReadonlySet<string> = new Set(["preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "prerender", "next"]);
