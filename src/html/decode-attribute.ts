/**
 * HTMLRewriter hands over attribute values as written; a browser decodes their
 * character references first (HTML §13.2.5.72-80). A URL must be judged as the
 * browser will read it: `https&colon;&sol;&sol;tracker&period;com`, `&#x2F;`,
 * `&Tab;` all reach the URL parser decoded.
 *
 * Numeric references follow the spec exactly (NUL, surrogates and out-of-range
 * become U+FFFD; 0x80-0x9F map through windows-1252). Named references: every one
 * that decodes to ASCII (46 of the 2,231, the only ones that can change a URL's
 * scheme, host or delimiters), plus the four legacy forms without a semicolon.
 * A non-ASCII named reference left undecoded can only make a host invalid or
 * unknown: judged as refused, never as allowed.
 */
const NAMED: Record<string, string> = {
  AMP: "&", DiacriticalGrave: "`", GT: ">", Hat: "^", LT: "<", NewLine: "\n", QUOT: '"', Tab: "\t", UnderBar: "_",
  VerticalLine: "|", amp: "&", apos: "'", ast: "*", bsol: "\\", colon: ":", comma: ",", commat: "@", dollar: "$",
  equals: "=", excl: "!", fjlig: "fj", grave: "`", gt: ">", lbrace: "{", lbrack: "[", lcub: "{", lowbar: "_", lpar: "(",
  lsqb: "[", lt: "<", midast: "*", num: "#", percnt: "%", period: ".", plus: "+", quest: "?", quot: '"', rbrace: "}",
  rbrack: "]", rcub: "}", rpar: ")", rsqb: "]", semi: ";", sol: "/", verbar: "|", vert: "|",
};

/** Legacy references a browser decodes without a semicolon (HTML §13.5), ASCII ones only. */
const LEGACY = new Set(["amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT"]);

/** HTML §13.2.5.80: numeric references to C1 controls mean windows-1252 characters. */
const C1: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(C1[code] ?? code);
}

/** The attribute value a browser sees. */
export function decodeAttribute(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(REFERENCE, (match, hex: string | undefined, dec: string | undefined, name: string | undefined, semicolon: string, offset: number) => {
    if (hex !== undefined) return fromCodePoint(hex.length > 8 ? 0x110000 : parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(dec.length > 8 ? 0x110000 : parseInt(dec, 10));
    if (semicolon === ";") return NAMED[name!] ?? match;
    // HTML §13.2.5.73: in an attribute, a legacy reference followed by "=" or an alphanumeric stays as written.
    const next = value[offset + match.length] ?? "";
    return LEGACY.has(name!) && !/[=A-Za-z0-9]/.test(next) ? NAMED[name!]! : match;
  });
}
