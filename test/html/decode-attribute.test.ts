import { describe, expect, it } from "vitest";
import { decodeAttribute } from "../../src/html/decode-attribute.ts";

describe("decodeAttribute (HTML §13.2.5.72-80)", () => {
  it.each([
    ["https&colon;&sol;&sol;a&period;b", "https://a.b"],
    ["a&Tab;b&NewLine;c", "a\tb\nc"],
    ["&#x2F;&#47;&#x3A;", "//:"],
    ["&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"],
    ["&#128;&#x9F;", "\u20AC\u0178"],
    ["x?a=1&amp;b=2&lt;", "x?a=1&b=2<"],
    ["x?a=1&amp=2", "x?a=1&amp=2"],
    ["x?a=1&ampx", "x?a=1&ampx"],
    ["x?a&amp?", "x?a&?"],
    ["caf&eacute;", "caf&eacute;"],
    ["no references", "no references"],
  ])("%j → %j", (raw, decoded) => {
    expect(decodeAttribute(raw)).toBe(decoded);
  });
});
