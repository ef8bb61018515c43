import { describe, expect, it } from "vitest";
import { srcsetUrls } from "../../src/html/srcset.ts";

describe("srcset (HTML §4.8.4.3.10)", () => {
  it.each([
    ["a.png", ["a.png"]],
    ["a.png 1x, b.png 2x", ["a.png", "b.png"]],
    ["a.png,b.png", ["a.png,b.png"]],
    ["a.png, b.png", ["a.png", "b.png"]],
    ["a.png 100w,\n https://t.example/b.png 2x", ["a.png", "https://t.example/b.png"]],
    ["a.png (foo, bar) 1x, b.png", ["a.png", "b.png"]],
    ["  ,, a.png,, ", ["a.png"]],
    ["data:image/png;base64,AAA= 1x, https://t.example/x 2x", ["data:image/png;base64,AAA=", "https://t.example/x"]],
  ])("%j", (value, urls) => {
    expect(srcsetUrls(value)).toEqual(urls);
  });
});
