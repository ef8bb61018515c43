/**
 * Where a URL in the page goes, read as the browser reads it (character
 * references decoded, then the WHATWG URL parser: tabs and newlines removed,
 * backslashes as slashes, percent-escapes and case folded in the host), and
 * whether this visitor allows it. `data:`, `blob:`, `about:` and `javascript:`
 * make no request of their own; anything else that cannot be parsed is refused
 * (fail closed), since a browser may still make sense of it.
 */
import { judgeHost, type HostVerdict } from "../allowlist/judge-host.ts";
import type { JudgeContext } from "../enforce/judge-cookie.ts";
import { decodeAttribute } from "./decode-attribute.ts";

export type Refusal = Extract<HostVerdict, { allowed: false }> & { host: string };

const LOCAL_SCHEMES = new Set(["data:", "blob:", "about:", "javascript:", "mailto:", "tel:", "sms:"]);
/**
 * The common case read without the URL parser: `https://host/…`, `http://host`,
 * `//host…` with a plain ASCII host. Anything else before the path (references,
 * escapes, backslashes, user info, IDN, IPv6, whitespace inside) goes to the
 * parser. Once a `/`, `?` or `#` has ended the host (WHATWG URL, authority
 * state), nothing after it can change the host: a query's `&`, an escape or a
 * reference there is left as it is (tracking pixels carry `&` by the dozen).
 */
const PLAIN_HOST = /^[\t\n\f\r ]*(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.?(?::\d*)?(?:[/?#][^\t\n\r]*)?[\t\n\f\r ]*$/i;
const UNPARSABLE: Omit<Refusal, "host"> = Object.freeze({ allowed: false, vendor: null, category: null, reason: "unclassified" });

/** The host of a plain absolute or protocol-relative URL, as the URL parser would give it; null when only the parser can tell. */
export function plainHost(raw: string): string | null {
  const match = PLAIN_HOST.exec(raw);
  if (match === null) return null;
  const host = match[1]!.toLowerCase();
  // A numeric last label makes it an IPv4 address to the parser (`//0` is 0.0.0.0): the parser decides.
  return /(?:^|\.)(?:0x[0-9a-f]*|\d+)$/.test(host) ? null : host;
}

/** Resolves an attribute value against the document base; null for an empty value. */
export function resolveUrl(raw: string, base: URL): URL | "invalid" | null {
  const value = decodeAttribute(raw);
  if (value.trim() === "") return null;
  try {
    return new URL(value, base);
  } catch {
    return "invalid";
  }
}

/**
 * Verdicts by host, per allowlist: the same hosts recur on every page, and the
 * decision behind them changes only with the allowlist key.
 */
export class HostVerdicts {
  private readonly memo = new Map<string, HostVerdict>();
  private readonly context: JudgeContext;
  private readonly pageHost: string;

  constructor(context: JudgeContext, pageHost: string) {
    this.context = context;
    this.pageHost = pageHost;
  }

  host(host: string): HostVerdict {
    let verdict = this.memo.get(host);
    if (verdict === undefined) {
      verdict = judgeHost(host, this.pageHost, this.context);
      this.memo.set(host, verdict);
    }
    return verdict;
  }

  /** The refusal for a URL attribute value, or null when it may load (or loads nothing). */
  url(raw: string | null, base: URL): Refusal | null {
    if (raw === null) return null;
    const plain = plainHost(raw);
    if (plain !== null) {
      const verdict = this.host(plain);
      return verdict.allowed ? null : { ...verdict, host: plain };
    }
    const url = resolveUrl(raw, base);
    if (url === null) return null;
    if (url === "invalid") return { ...UNPARSABLE, host: "" };
    if (LOCAL_SCHEMES.has(url.protocol)) return null;
    const host = url.hostname.replace(/\.$/, "");
    if (host === "") return null;
    const verdict = this.host(host);
    return verdict.allowed ? null : { ...verdict, host };
  }
}
