import { describe, expect, it } from "vitest";
import { bodyKind, extractMimeEssence } from "../../src/http/mime.ts";

describe("MIME types as a browser reads them", () => {
  describe("extractMimeEssence (Fetch §3.1.7)", () => {
    it.each([
      ["text/html; charset=utf-8", "text/html"],
      ["TEXT/HTML", "text/html"],
      ["text/plain, text/html", "text/html"],
      ["text/html,foo", "text/html"],
      ["text/html, */*", "text/html"],
      ['text/plain; charset="a,b", text/html', "text/html"],
      ["foo", null],
      ["", null],
    ])("%j → %j", (value, essence) => {
      expect(extractMimeEssence(value)).toBe(essence);
    });
  });

  describe("bodyKind", () => {
    it.each([
      ["text/html; charset=utf-8", "html"],
      ["text/plain, text/html", "html"],
      ["application/xhtml+xml", "html"],
      [null, "document"],
      ["", "document"],
      ["unknown/unknown", "document"],
      ["image/svg+xml", "document"],
      ["text/xml", "document"],
      ["multipart/x-mixed-replace; boundary=x", "document"],
      ["text/javascript", "script"],
      ["application/javascript; charset=utf-8", "script"],
      ["image/png", "passive"],
      ["application/json", "passive"],
      ["application/ld+json", "passive"],
      ["text/css", "passive"],
      ["font/woff2", "passive"],
      ["application/octet-stream", "passive"],
    ])("%j → %s", (type, kind) => {
      expect(bodyKind(type)).toBe(kind);
    });
  });
});
