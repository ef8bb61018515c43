import { describe, expect, it } from "vitest";
import { decodeCssEscapes, neutraliseCss } from "../../src/html/css-urls.ts";

const refuseTracker = (url: string) => (/tracker\.example/.test(url) ? url : null);

describe("CSS URLs", () => {
  it("should point every refused url(), @import and image-set() at data:, and leave the rest", () => {
    const css = `a{background:url(https://tracker.example/a.png)} b{background:url( 'https://tracker.example/b.png' )} @import "https://tracker.example/c.css"; @import url(/own.css); i{background:image-set("https://tracker.example/d.png" 1x, "/own.png" 2x)} j{background:url(/own.png)}`;
    const found: string[] = [];
    expect(neutraliseCss(css, refuseTracker, (u) => found.push(u))).toBe(
      `a{background:url("data:,")} b{background:url("data:,")} @import "data:,"; @import url(/own.css); i{background:image-set("data:," 1x, "/own.png" 2x)} j{background:url(/own.png)}`,
    );
    expect(found).toHaveLength(4);
  });

  it("should decode CSS escapes before judging", () => {
    expect(decodeCssEscapes("https\\3a //tracker\\.example/x")).toBe("https://tracker.example/x");
    expect(neutraliseCss(`a{background:url(https\\:\\/\\/tracker\\2e example/x)}`, refuseTracker)).toBe(`a{background:url("data:,")}`);
  });

  it("should answer null when nothing changes", () => {
    expect(neutraliseCss("a{color:red}", refuseTracker)).toBeNull();
    expect(neutraliseCss("a{background:url(/x.png)}", refuseTracker)).toBeNull();
  });
});
