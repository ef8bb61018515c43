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

/** One character per byte, so offsets in the text are offsets in the bytes. */
const LATIN1 = new TextDecoder("latin1");
/** A comment, or a start or end tag of an element that matters here (HTML tag names end at space, `/` or `>`). */
const TOKEN = /<!--|<(\/?)(select|frameset|input|keygen|textarea|script|style|title|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math)(?=[\s\/>]|$)/gi;
/**
 * In SVG or MathML, also the HTML elements that end foreign content (HTML
 * §13.2.6.5) and the integration points whose content is HTML again.
 */
const FOREIGN_TOKEN =
  /<!--|<(\/?)(select|frameset|input|keygen|textarea|script|style|title|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math|b|big|blockquote|body|br|center|code|dd|div|dl|dt|em|embed|h[1-6]|head|hr|i|img|li|listing|menu|meta|nobr|ol|p|pre|ruby|s|small|span|strong|strike|sub|sup|table|tt|u|ul|var|font|foreignobject|desc|mi|mo|mn|ms|mtext|annotation-xml)(?=[\s\/>]|$)/gi;
const LEAVES_FOREIGN = new Set(["b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font"]);
/** HTML integration points (HTML §13.2.6.5): their content is HTML, then foreign content resumes. */
const INTEGRATION_POINTS = new Set(["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"]);
/** Any end tag: the one that closes a raw-text element is checked by name. */
const RAW_END = /<\/([a-z][a-z0-9]*)(?=[\s\/>]|$)/gi;

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
   * element slipped in); answers where the held-back bytes start. The bytes are
   * read as latin1 (one character per byte, so offsets agree) and only the tags
   * that matter are looked at, found by one native regular expression.
   */
  private scan(bytes: Uint8Array, parts: Uint8Array[]): number {
    const text = LATIN1.decode(bytes);
    const n = text.length;
    let i = 0;
    let emitted = 0;
    const done = (safe: number): number => {
      parts.push(bytes.subarray(emitted, safe));
      return safe;
    };
    while (i < n) {
      if (this.mode === "comment") {
        const end = text.indexOf("-->", i);
        if (end < 0) return done(Math.max(i, n - 2));
        this.mode = "data";
        i = end + 3;
        continue;
      }
      if (this.mode === "raw") {
        RAW_END.lastIndex = i;
        let end = -1;
        for (let m = RAW_END.exec(text); m !== null; m = RAW_END.exec(text)) {
          if (m[1]!.toLowerCase() === this.rawEnd) {
            end = m.index;
            break;
          }
        }
        if (end < 0) return done(Math.max(i, n - this.rawEnd.length - 3));
        this.mode = "data";
        i = end;
        continue;
      }
      if (this.mode !== "data") return done(n);
      const token = this.foreign > 0 || this.integration !== null ? FOREIGN_TOKEN : TOKEN;
      token.lastIndex = i;
      const m = token.exec(text);
      if (m === null) return done(unfinishedTag(text, i));
      const lt = m.index;
      // A token inside another tag's attribute value (`<p title='<select>'>`) is text to the parser.
      const before = lt > 0 ? text.lastIndexOf("<", lt - 1) : -1;
      if (before >= i && /[a-z]/i.test(text[before + 1] ?? "")) {
        const end = endOfTag(text, before + 1);
        if (end < 0) return done(before);
        if (end > lt) {
          i = end + 1;
          continue;
        }
      }
      if (m[0] === "<!--") {
        this.mode = "comment";
        i = lt + 4;
        continue;
      }
      const closing = m[1] === "/";
      const name = m[2]!.toLowerCase();
      const tagEnd = endOfTag(text, lt + m[0].length);
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
      const selfClosing = text[tagEnd - 1] === "/";
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

/**
 * Where a tag the chunk boundary cut starts (or the text's end): such a tag, or
 * markup in its unfinished attribute value (`<p title='<sel`), must wait for the
 * next chunk. The last few tag starts are checked; the earliest unclosed wins.
 */
function unfinishedTag(text: string, from: number): number {
  let hold = text.length;
  let q = text.length;
  for (let k = 0; k < 32; k++) {
    q = q > 0 ? text.lastIndexOf("<", q - 1) : -1;
    if (q < from) break;
    const next = text[q + 1];
    if (next === undefined || /[a-z\/!]/i.test(next)) {
      if (next === undefined || endOfTag(text, q + 1) < 0) hold = q;
    }
  }
  return hold;
}

/** The `>` that ends a tag whose name ends at `from`, skipping quoted attribute values; -1 if not in `text`. */
function endOfTag(text: string, from: number): number {
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== "") {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      // A quote opens a value only right after `=` (and spaces): `<a b"c>` has none.
      let k = i - 1;
      while (k >= from && /[ \t\n\r\f]/.test(text[k]!)) k--;
      if (text[k] === "=") quote = c;
    } else if (c === ">") return i;
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
