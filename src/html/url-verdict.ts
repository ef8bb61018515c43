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
const UNPARSABLE: Omit<Refusal, "host"> = Object.freeze({ allowed: false, vendor: null, category: null, reason: "unclassified" });

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
