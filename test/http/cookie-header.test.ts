import { describe, expect, it } from "vitest";
import { normaliseCookieHeader, splitCookieHeader } from "../../src/http/cookie-header.ts";

const names = (header: string) => splitCookieHeader(header).map((c) => c.name);

describe("the Cookie header", () => {
  it("should split RFC 6265 pairs and keep each byte for byte", () => {
    expect(splitCookieHeader("a=1; b=x%20y=z;c")).toEqual([
      { name: "a", value: "1", raw: "a=1" },
      { name: "b", value: "x%20y=z", raw: "b=x%20y=z" },
      { name: "", value: "c", raw: "c" },
    ]);
  });

  it("should split two header lines that Headers joined with ', '", () => {
    expect(names("session=1, _ga=2; theme=dark")).toEqual(["session", "_ga", "theme"]);
  });

  it("should keep commas that are part of a value", () => {
    expect(splitCookieHeader("list=a,b,c; date=Wed, 21 Oct")).toEqual([
      { name: "list", value: "a,b,c", raw: "list=a,b,c" },
      { name: "date", value: "Wed, 21 Oct", raw: "date=Wed, 21 Oct" },
    ]);
  });

  it("should give the origin one RFC 6265 list", () => {
    expect(normaliseCookieHeader("session=1, _ga=2;theme=dark")).toBe("session=1; _ga=2; theme=dark");
    expect(normaliseCookieHeader(" ; ")).toBeNull();
    expect(normaliseCookieHeader(null)).toBeNull();
  });
});
