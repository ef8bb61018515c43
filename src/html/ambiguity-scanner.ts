/**
 * lol-html, the streaming parser under HTMLRewriter, builds no tree, so a few
 * constructs leave it unable to tell raw text from markup, and it stops with a
 * "parsing ambiguity" error that cuts the page short (FACTS: a throwing rewriter
 * errors the body stream). Measured in workerd, whatever the handlers:
 * - inside `<select>` (until `</select>`, another `<select>`, `<textarea>`,
 *   `<input>` or `<keygen>`): a `<style>`, `<title>`, `<xmp>`, `<iframe>`,
 *   `<noembed>`, `<noframes>`, `<noscript>` or `<plaintext>` start tag;
 * - from `<frameset>` on: any of those, `<script>` or `<textarea>` (not `<noframes>`).
 *
 * This scanner reads the raw bytes ahead of the rewriter (tags are ASCII, so
 * bytes suffice for UTF-8) and says where such a tag starts, so the page can be
 * handed to the rewriter up to that point and passed through as it is after it,
 * complete. It follows comments and raw-text elements so markup-like text in a
 * script or a comment does not mislead it. Bytes it cannot judge yet (a tag cut
 * by a chunk boundary) are held back until it can.
 */
const SELECT_AMBIGUOUS = new Set(["style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
const FRAMESET_AMBIGUOUS = new Set(["style", "title", "xmp", "iframe", "noembed", "noscript", "plaintext", "script", "textarea"]);
const CLOSES_SELECT = new Set(["select", "textarea", "input", "keygen"]);
/** Elements whose content is raw text to the parser (HTML §13.2.5.1; scripting on, so noscript too). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"]);
/** A start tag longer than this is not waited for: the scan gives up rather than buffer. */
const MAX_HELD = 16 * 1024;

const LT = 0x3c;
const GT = 0x3e;

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function isAlpha(byte: number): boolean {
  const b = lower(byte);
  return b >= 0x61 && b <= 0x7a;
}

function isNameByte(byte: number): boolean {
  return isAlpha(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d;
}

export interface ScanResult {
  /** Bytes that may go to the rewriter now. */
  feed: Uint8Array;
  /** When an ambiguous tag was found: the bytes from it on, which must bypass the rewriter. */
  rest: Uint8Array | null;
}

export class AmbiguityScanner {
  private held: Uint8Array = new Uint8Array(0);
  private context: "default" | "select" | "frameset" = "default";
  private mode: "data" | "comment" | "raw" | "plaintext" | "off" = "data";
  private rawEnd = "";

  /** Takes the next chunk; answers what may be fed to the rewriter, and where to stop if it must. */
  push(chunk: Uint8Array): ScanResult {
    const bytes = this.held.length === 0 ? chunk : concat(this.held, chunk);
    if (this.mode === "off" || this.mode === "plaintext") return { feed: bytes, rest: null };
    const stop = this.scan(bytes);
    if (stop.cut !== null) {
      this.mode = "off";
      this.held = new Uint8Array(0);
      return { feed: bytes.subarray(0, stop.cut), rest: bytes.subarray(stop.cut) };
    }
    this.held = bytes.subarray(stop.safe);
    if (this.held.length > MAX_HELD) {
      this.mode = "off";
      const all = bytes;
      this.held = new Uint8Array(0);
      return { feed: all, rest: null };
    }
    return { feed: bytes.subarray(0, stop.safe), rest: null };
  }

  /** The end of the input: whatever was held goes to the rewriter. */
  finish(): Uint8Array {
    const rest = this.held;
    this.held = new Uint8Array(0);
    return rest;
  }

  /** Scans `bytes`; `safe` is where held-back bytes start, `cut` where an ambiguous tag starts. */
  private scan(bytes: Uint8Array): { safe: number; cut: number | null } {
    let i = 0;
    const n = bytes.length;
    while (i < n) {
      if (this.mode === "comment") {
        const end = indexOfSequence(bytes, [0x2d, 0x2d, GT], i);
        if (end < 0) return { safe: Math.max(i, n - 2), cut: null };
        this.mode = "data";
        i = end + 3;
        continue;
      }
      if (this.mode === "raw") {
        const end = this.findRawEnd(bytes, i);
        if (end < 0) return { safe: Math.max(i, n - this.rawEnd.length - 2), cut: null };
        this.mode = "data";
        i = end;
        continue;
      }
      if (this.mode !== "data") return { safe: n, cut: null };
      const lt = bytes.indexOf(LT, i);
      if (lt < 0) return { safe: n, cut: null };
      // Enough bytes to read `<!--`, `</name` or `<name` and the end of the tag?
      if (lt + 1 >= n) return { safe: lt, cut: null };
      const next = bytes[lt + 1]!;
      if (next === 0x21) {
        if (lt + 4 > n) return { safe: lt, cut: null };
        if (bytes[lt + 2] === 0x2d && bytes[lt + 3] === 0x2d) {
          this.mode = "comment";
          i = lt + 4;
        } else i = lt + 2;
        continue;
      }
      const closing = next === 0x2f;
      const start = closing ? lt + 2 : lt + 1;
      if (start >= n) return { safe: lt, cut: null };
      if (!isAlpha(bytes[start]!)) {
        i = lt + 1;
        continue;
      }
      let end = start;
      while (end < n && isNameByte(bytes[end]!)) end++;
      if (end >= n) return { safe: lt, cut: null };
      const name = String.fromCharCode(...bytes.subarray(start, end).map(lower));
      const tagEnd = endOfTag(bytes, end);
      if (tagEnd < 0) return { safe: lt, cut: null };
      if (closing) {
        if (this.context === "select" && name === "select") this.context = "default";
        i = tagEnd + 1;
        continue;
      }
      if (this.context === "frameset" ? FRAMESET_AMBIGUOUS.has(name) : this.context === "select" && SELECT_AMBIGUOUS.has(name)) {
        return { safe: lt, cut: lt };
      }
      if (this.context === "select" && CLOSES_SELECT.has(name)) this.context = "default";
      else if (this.context === "default" && name === "select") this.context = "select";
      else if (this.context === "default" && name === "frameset") this.context = "frameset";
      i = tagEnd + 1;
      if (name === "plaintext") {
        this.mode = "plaintext";
        return { safe: n, cut: null };
      }
      if (RAW_TEXT.has(name)) {
        this.mode = "raw";
        this.rawEnd = name;
      }
    }
    return { safe: n, cut: null };
  }

  /** Where `</rawEnd` starts (case-insensitive), or -1. */
  private findRawEnd(bytes: Uint8Array, from: number): number {
    const name = this.rawEnd;
    for (let lt = bytes.indexOf(LT, from); lt >= 0; lt = bytes.indexOf(LT, lt + 1)) {
      if (lt + 2 + name.length > bytes.length) return -1;
      if (bytes[lt + 1] !== 0x2f) continue;
      let match = true;
      for (let k = 0; k < name.length && match; k++) match = lower(bytes[lt + 2 + k]!) === name.charCodeAt(k);
      const after = bytes[lt + 2 + name.length];
      if (match && (after === undefined || !isNameByte(after))) return lt;
    }
    return -1;
  }
}

/** The `>` that ends a tag whose name ends at `from`, skipping quoted attribute values; -1 if not in `bytes`. */
function endOfTag(bytes: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === 0x22 || b === 0x27) {
      // A quote opens a value only right after `=` (and spaces): `<a b"c>` has none.
      let k = i - 1;
      while (k >= from && (bytes[k] === 0x20 || bytes[k] === 0x09 || bytes[k] === 0x0a || bytes[k] === 0x0d || bytes[k] === 0x0c)) k--;
      if (bytes[k] === 0x3d) quote = b;
    } else if (b === GT) return i;
  }
  return -1;
}

function indexOfSequence(bytes: Uint8Array, sequence: readonly number[], from: number): number {
  for (let i = bytes.indexOf(sequence[0]!, from); i >= 0; i = bytes.indexOf(sequence[0]!, i + 1)) {
    let match = true;
    for (let k = 1; k < sequence.length && match; k++) match = bytes[i + k] === sequence[k];
    if (match && i + sequence.length <= bytes.length) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
