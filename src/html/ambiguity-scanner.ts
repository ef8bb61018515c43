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
 * bytes suffice for UTF-8) and, right before such a tag, slips in a marked
 * element that takes lol-html out of the ambiguous state, and that the rewriter
 * then removes from the output (src/html/handlers/synthetic.ts), so the visitor
 * gets the origin's bytes:
 * - in `<select>`: `<input data-consentry-synthetic>` (an `<input>` closes a select
 *   for the parser, HTML §13.2.6.4.16);
 * - after `<frameset>`: `<noframes data-consentry-synthetic>`, whose raw text runs
 *   to the next `</noframes>` (kept in the output) or to the end of the page,
 *   unrewritten: a frameset page's content is its frames.
 * It follows comments and raw-text elements so markup-like text in a script or a
 * comment does not mislead it. Bytes it cannot judge yet (a tag cut by a chunk
 * boundary) are held back until it can.
 */
const SELECT_AMBIGUOUS = new Set(["style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
const FRAMESET_AMBIGUOUS = new Set(["style", "title", "xmp", "iframe", "noembed", "noscript", "plaintext", "script", "textarea"]);
const CLOSES_SELECT = new Set(["select", "textarea", "input", "keygen"]);
/** Elements whose content is raw text to the parser (HTML §13.2.5.1; scripting on, so noscript too). */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"]);
/** A start tag longer than this is not waited for: the scan gives up rather than buffer. */
const MAX_HELD = 16 * 1024;

/** The attribute that marks what the scanner slipped in; the rewriter removes such elements. */
export const SYNTHETIC_ATTRIBUTE = "data-consentry-synthetic";
const CLOSE_SELECT = new TextEncoder().encode(`<input ${SYNTHETIC_ATTRIBUTE}>`);
const RAW_FRAMESET = new TextEncoder().encode(`<noframes ${SYNTHETIC_ATTRIBUTE}>`);

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

export class AmbiguityScanner {
  private held: Uint8Array = new Uint8Array(0);
  private context: "default" | "select" | "frameset" = "default";
  private mode: "data" | "comment" | "raw" | "plaintext" | "off" = "data";
  private rawEnd = "";
  /** How many elements were slipped in (for the log). */
  injections = 0;

  /** Takes the next chunk; answers the bytes the rewriter may have now, with any element slipped in. */
  push(chunk: Uint8Array): Uint8Array {
    const bytes = this.held.length === 0 ? chunk : concat([this.held, chunk]);
    if (this.mode === "off" || this.mode === "plaintext") {
      this.held = new Uint8Array(0);
      return bytes;
    }
    const parts: Uint8Array[] = [];
    const safe = this.scan(bytes, parts);
    this.held = bytes.subarray(safe);
    if (this.held.length > MAX_HELD) {
      // A tag this long is not worth waiting for: stop scanning, pass everything on.
      this.mode = "off";
      parts.push(this.held);
      this.held = new Uint8Array(0);
    }
    return parts.length === 1 ? parts[0]! : concat(parts);
  }

  /** The end of the input: whatever was held goes to the rewriter. */
  finish(): Uint8Array {
    const rest = this.held;
    this.held = new Uint8Array(0);
    return rest;
  }

  /**
   * Scans `bytes`, pushing onto `parts` what may go to the rewriter (with any
   * element slipped in); answers where the held-back bytes start.
   */
  private scan(bytes: Uint8Array, parts: Uint8Array[]): number {
    let i = 0;
    let emitted = 0;
    const n = bytes.length;
    const done = (safe: number): number => {
      parts.push(bytes.subarray(emitted, safe));
      return safe;
    };
    while (i < n) {
      if (this.mode === "comment") {
        const end = indexOfSequence(bytes, [0x2d, 0x2d, GT], i);
        if (end < 0) return done(Math.max(i, n - 2));
        this.mode = "data";
        i = end + 3;
        continue;
      }
      if (this.mode === "raw") {
        const end = this.findRawEnd(bytes, i);
        if (end < 0) return done(Math.max(i, n - this.rawEnd.length - 2));
        this.mode = "data";
        i = end;
        continue;
      }
      if (this.mode !== "data") return done(n);
      const lt = bytes.indexOf(LT, i);
      if (lt < 0) return done(n);
      // Enough bytes to read `<!--`, `</name` or `<name` and the end of the tag?
      if (lt + 1 >= n) return done(lt);
      const next = bytes[lt + 1]!;
      if (next === 0x21) {
        if (lt + 4 > n) return done(lt);
        if (bytes[lt + 2] === 0x2d && bytes[lt + 3] === 0x2d) {
          this.mode = "comment";
          i = lt + 4;
        } else i = lt + 2;
        continue;
      }
      const closing = next === 0x2f;
      const start = closing ? lt + 2 : lt + 1;
      if (start >= n) return done(lt);
      if (!isAlpha(bytes[start]!)) {
        i = lt + 1;
        continue;
      }
      let end = start;
      while (end < n && isNameByte(bytes[end]!)) end++;
      if (end >= n) return done(lt);
      const name = String.fromCharCode(...bytes.subarray(start, end).map(lower));
      const tagEnd = endOfTag(bytes, end);
      if (tagEnd < 0) return done(lt);
      if (closing) {
        if (this.context === "select" && name === "select") this.context = "default";
        i = tagEnd + 1;
        continue;
      }
      if (this.context === "frameset" && FRAMESET_AMBIGUOUS.has(name)) {
        // From here to the next </noframes>, raw text to the parser, and to this scan.
        parts.push(bytes.subarray(emitted, lt), RAW_FRAMESET);
        emitted = lt;
        this.injections++;
        this.mode = "raw";
        this.rawEnd = "noframes";
        i = lt;
        continue;
      }
      if (this.context === "select" && SELECT_AMBIGUOUS.has(name)) {
        // The parser leaves the select here; the tag is then read as anywhere else.
        parts.push(bytes.subarray(emitted, lt), CLOSE_SELECT);
        emitted = lt;
        this.injections++;
        this.context = "default";
        i = lt;
        continue;
      }
      if (this.context === "select" && CLOSES_SELECT.has(name)) this.context = "default";
      else if (this.context === "default" && name === "select") this.context = "select";
      else if (this.context === "default" && name === "frameset") this.context = "frameset";
      i = tagEnd + 1;
      if (name === "plaintext") {
        this.mode = "plaintext";
        return done(n);
      }
      if (RAW_TEXT.has(name)) {
        this.mode = "raw";
        this.rawEnd = name;
      }
    }
    return done(n);
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

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
