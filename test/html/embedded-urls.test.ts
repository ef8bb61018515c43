import { describe, expect, it } from "vitest";
import { hostsIn, urlPayload } from "../../src/html/embedded-urls.ts";

describe("hosts inside content a frame loads by itself", () => {
  it("should find absolute, protocol-relative and backslashed hosts, once each", () => {
    expect(hostsIn(`<img src="https://A.tracker.example/x"><script src=//b.example.org/y></script>\\\\c.example.net/z https://a.tracker.example/again`)).toEqual([
      "a.tracker.example",
      "b.example.org",
      "c.example.net",
    ]);
  });

  it("should not take a comment or a path for a host", () => {
    expect(hostsIn(`// a comment\n/path/to/x.png`)).toEqual([]);
  });

  it.each([
    ["data:text/html,%3Cimg%20src%3D%22https%3A%2F%2Ft.example%2F%22%3E", `<img src="https://t.example/">`],
    [`data:text/html;base64,${btoa("<p>hi</p>")}`, "<p>hi</p>"],
    ["javascript:alert(%27x%27)", "alert('x')"],
    ["JavaScript&colon;void(0)", "void(0)"],
    ["https://example.org/", null],
  ])("urlPayload(%j)", (url, payload) => {
    expect(urlPayload(url)).toBe(payload);
  });
});
