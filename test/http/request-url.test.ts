import { describe, expect, it } from "vitest";
import { requestUrl } from "../../src/http/request-url.ts";

describe("requestUrl", () => {
  it("should parse a request's URL once, and each request's own", () => {
    const a = new Request("https://westhub.app/billing?x=1");
    const b = new Request("https://westhub.app/other");
    expect(requestUrl(a)).toBe(requestUrl(a));
    expect(requestUrl(a).pathname + requestUrl(a).search).toBe("/billing?x=1");
    expect(requestUrl(b).pathname).toBe("/other");
  });
});
