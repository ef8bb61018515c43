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
 * - in `<select>`: `<input data-consentry-synthetic/>` (an `<input>` closes a select
 *   for the parser, HTML §13.2.6.4.16; self-closed, so it is empty in SVG too);
 * - after `<frameset>`: `<p data-consentry-synthetic><noframes data-consentry-synthetic>`:
 *   the `<p>` (one per level) leaves any SVG or MathML (HTML §13.2.6.5), and the raw text of the
 *   `<noframes>` runs to the next `</noframes>` or to the end of the page,
 *   unrewritten (a frameset page's content is its frames). The end tags that close
 *   them in the page are written back.
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
const CLOSE_SELECT = new TextEncoder().encode(`<input ${SYNTHETIC_ATTRIBUTE}/>`);
const LEAVE_FOREIGN = new TextEncoder().encode(`<p ${SYNTHETIC_ATTRIBUTE}>`);
const RAW_TAIL = new TextEncoder().encode(`<noframes ${SYNTHETIC_ATTRIBUTE}>`);

const LEAVES_FOREIGN = new Set(["b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font"]);
/** HTML integration points (HTML §13.2.6.5): their content is HTML, then foreign content resumes. */
const INTEGRATION_POINTS = new Set(["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"]);
/** The names the scan looks at, and in SVG or MathML also those that end foreign content or are integration points (HTML §13.2.6.5). */
const TOKEN_NAMES = new Set(["select", "frameset", "input", "keygen", "textarea", "script", "style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "svg", "math"]);
const FOREIGN_TOKEN_NAMES = new Set([...TOKEN_NAMES, ...LEAVES_FOREIGN, ...INTEGRATION_POINTS]);
/** The first letters of each set's names, either case: most tags (`<a`, `<div`, `<li`) are passed over by one look. */
const firstLetters = (names: Set<string>): Uint8Array => {
  const table = new Uint8Array(256);
  for (const name of names) table[name.charCodeAt(0)] = table[name.charCodeAt(0) & ~0x20] = 1;
  return table;
};
const TOKEN_FIRST = firstLetters(TOKEN_NAMES);
const FOREIGN_TOKEN_FIRST = firstLetters(FOREIGN_TOKEN_NAMES);
/** The longest of those names (`annotation-xml`): a longer name is none of them. */
const LONGEST_NAME = 14;
/** A tag name ends at whitespace, `/` or `>` (HTML §13.2.5.8). */
const ENDS_NAME = new Uint8Array(256);
for (const c of [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x2f, 0x3e]) ENDS_NAME[c] = 1;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const DASH = 0x2d;
const BANG = 0x21;

const isLetter = (b: number | undefined): boolean => b !== undefined && ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a);
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c;

/** Where the tag name starting at `from` ends (its first whitespace, `/` or `>`), or `bytes.length`. */
function nameEnd(bytes: Uint8Array, from: number): number {
  let k = from;
  while (k < bytes.length && ENDS_NAME[bytes[k]!] === 0) k++;
  return k;
}

/** The name in `bytes[from, to)`, ASCII letters lowered; "" when it is longer than any name that matters. */
function lowerName(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > LONGEST_NAME) return "";
  let name = "";
  for (let k = from; k < to; k++) {
    const b = bytes[k]!;
    name += String.fromCharCode(b >= 0x41 && b <= 0x5a ? b | 0x20 : b);
  }
  return name;
}

export class AmbiguityScanner {
  private held: Uint8Array = new Uint8Array(0);
  private context: "default" | "select" | "frameset" = "default";
  private mode: "data" | "comment" | "raw" | "plaintext" | "off" = "data";
  private rawEnd = "";
  /** Depth of SVG/MathML: their `<script>` and `<style>` are not raw text. */
  private foreign = 0;
  /** Inside an integration point of foreign content: its name, and the depth to resume at its end tag. */
  private integration: { name: string; depth: number } | null = null;
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
   * element slipped in); answers where the held-back bytes start. It reads the
   * bytes themselves (tags are ASCII, and UTF-8 never uses ASCII bytes inside a
   * character), jumping from `<` to `<` natively, and looks only at the tags that
   * matter: decoding a chunk to a string first cost more than the scan itself.
   */
  private scan(bytes: Uint8Array, parts: Uint8Array[]): number {
    const n = bytes.length;
    let i = 0;
    let emitted = 0;
    const done = (safe: number): number => {
      parts.push(bytes.subarray(emitted, safe));
      return safe;
    };
    while (i < n) {
      if (this.mode === "comment") {
        const end = commentEnd(bytes, i);
        if (end < 0) return done(Math.max(i, n - 2));
        this.mode = "data";
        i = end + 3;
        continue;
      }
      if (this.mode === "raw") {
        const end = rawTextEnd(bytes, i, this.rawEnd);
        if (end < 0) return done(Math.max(i, n - this.rawEnd.length - 3));
        this.mode = "data";
        i = end;
        continue;
      }
      if (this.mode !== "data") return done(n);
      const foreign = this.foreign > 0 || this.integration !== null;
      const names = foreign ? FOREIGN_TOKEN_NAMES : TOKEN_NAMES;
      const first = foreign ? FOREIGN_TOKEN_FIRST : TOKEN_FIRST;
      // The next comment, or start or end tag whose name is among `names`.
      let lt = -1;
      let closing = false;
      let name = "";
      let tokenEnd = 0;
      for (let q = bytes.indexOf(LT, i); q >= 0; q = bytes.indexOf(LT, q + 1)) {
        if (bytes[q + 1] === BANG && bytes[q + 2] === DASH && bytes[q + 3] === DASH) {
          lt = q;
          tokenEnd = q + 4;
          break;
        }
        const slash = bytes[q + 1] === SLASH;
        const from = q + (slash ? 2 : 1);
        if (first[bytes[from] ?? 0] !== 1) continue;
        const to = nameEnd(bytes, from);
        const candidate = lowerName(bytes, from, to);
        if (!names.has(candidate)) continue;
        lt = q;
        closing = slash;
        name = candidate;
        tokenEnd = to;
        break;
      }
      if (lt < 0) return done(unfinishedTag(bytes, i));
      // A token inside another tag's attribute value (`<p title='<select>'>`) is text to the parser.
      const before = lt > 0 ? bytes.lastIndexOf(LT, lt - 1) : -1;
      if (before >= i && isLetter(bytes[before + 1])) {
        const end = endOfTag(bytes, before + 1);
        if (end < 0) return done(before);
        if (end > lt) {
          i = end + 1;
          continue;
        }
      }
      if (name === "") {
        this.mode = "comment";
        i = lt + 4;
        continue;
      }
      const tagEnd = endOfTag(bytes, tokenEnd);
      if (tagEnd < 0) return done(lt);
      if (closing) {
        if (this.context === "select" && name === "select") this.context = "default";
        if (this.foreign > 0 && (name === "svg" || name === "math")) this.foreign -= 1;
        // HTML §13.2.6.5: `</p>` and `</br>` end foreign content too.
        else if (this.foreign > 0 && (name === "p" || name === "br")) this.foreign = 0;
        else if (this.foreign === 0 && this.integration?.name === name) {
          this.foreign = this.integration.depth;
          this.integration = null;
        }
        i = tagEnd + 1;
        continue;
      }
      const selfClosing = bytes[tagEnd - 1] === SLASH;
      if (this.context === "frameset" && FRAMESET_AMBIGUOUS.has(name)) {
        // One <p> per level of SVG/MathML leaves it; from the <noframes> on, raw text to the parser, and to this scan.
        parts.push(bytes.subarray(emitted, lt));
        for (let level = 0; level < Math.max(1, this.foreign); level++) parts.push(LEAVE_FOREIGN);
        parts.push(RAW_TAIL);
        this.foreign = 0;
        this.integration = null;
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
      if (this.foreign > 0 && INTEGRATION_POINTS.has(name)) {
        this.integration = { name, depth: this.foreign };
        this.foreign = 0;
        i = tagEnd + 1;
        continue;
      }
      if (this.foreign > 0 && LEAVES_FOREIGN.has(name)) {
        this.foreign = 0;
        this.integration = null;
      }
      if (this.context === "select" && CLOSES_SELECT.has(name)) this.context = "default";
      else if (this.context === "default" && name === "select") this.context = "select";
      else if (this.context === "default" && name === "frameset") this.context = "frameset";
      i = tagEnd + 1;
      if ((name === "svg" || name === "math") && !selfClosing) {
        this.foreign += 1;
        continue;
      }
      if (this.foreign > 0) continue;
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
}

/** Where the `-->` that ends a comment starts, at or after `from`; -1 if not in `bytes`. */
function commentEnd(bytes: Uint8Array, from: number): number {
  for (let gt = bytes.indexOf(GT, from + 2); gt >= 0; gt = bytes.indexOf(GT, gt + 1)) {
    if (bytes[gt - 1] === DASH && bytes[gt - 2] === DASH) return gt - 2;
  }
  return -1;
}

/** Where the end tag `</name` of a raw-text element starts (its name ended, or running to the end of `bytes`); -1 if none. */
function rawTextEnd(bytes: Uint8Array, from: number, name: string): number {
  for (let q = bytes.indexOf(LT, from); q >= 0; q = bytes.indexOf(LT, q + 1)) {
    if (bytes[q + 1] !== SLASH || !isLetter(bytes[q + 2])) continue;
    if (lowerName(bytes, q + 2, nameEnd(bytes, q + 2)) === name) return q;
  }
  return -1;
}

/**
 * Where a tag the chunk boundary cut starts (or the end of `bytes`): such a tag,
 * or markup in its unfinished attribute value (`<p title='<sel`), must wait for
 * the next chunk. The last few tag starts are checked; the earliest unclosed wins.
 */
function unfinishedTag(bytes: Uint8Array, from: number): number {
  let hold = bytes.length;
  let q = bytes.length;
  for (let k = 0; k < 32; k++) {
    q = q > 0 ? bytes.lastIndexOf(LT, q - 1) : -1;
    if (q < from) break;
    const next = bytes[q + 1];
    if (next === undefined || isLetter(next) || next === SLASH || next === BANG) {
      if (next === undefined || endOfTag(bytes, q + 1) < 0) hold = q;
    }
  }
  return hold;
}

/** The `>` that ends a tag whose name ends at `from`, skipping quoted attribute values; -1 if not in `bytes`. */
function endOfTag(bytes: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      // A quote opens a value only right after `=` (and spaces): `<a b"c>` has none.
      let k = i - 1;
      while (k >= from && isSpace(bytes[k])) k--;
      if (bytes[k] === 0x3d) quote = c;
    } else if (c === GT) return i;
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
