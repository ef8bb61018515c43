import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "../../src/http/link-header.ts";

describe("Link header (RFC 8288)", () => {
  it("should split on commas outside <…> and quotes, and read each rel", () => {
    const values = parseLinkHeader(`<https://a.example/x.js?a=1,2>; rel=preload; as=script, </s.css>; rel="stylesheet preload"; title="a, b", <https://b.example>; rel=preconnect`);
    expect(values.map((v) => [v.uri, v.rels])).toEqual([
      ["https://a.example/x.js?a=1,2", ["preload"]],
      ["/s.css", ["stylesheet", "preload"]],
      ["https://b.example", ["preconnect"]],
    ]);
    expect(values[1]!.raw).toBe(`</s.css>; rel="stylesheet preload"; title="a, b"`);
  });

  it("should keep what it cannot parse as raw text", () => {
    expect(parseLinkHeader("garbage, <x>")).toEqual([
      { uri: "", rels: [], raw: "garbage" },
      { uri: "x", rels: [], raw: "<x>" },
    ]);
  });
});
