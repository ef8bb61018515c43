/**
 * A placeholder for content of a category the site never allows (WestHub's
 * marketing) says so, and offers no choice the visitor cannot make.
 */
import { describe, expect, it } from "vitest";
import { rewrite } from "../support/rewrite.ts";

const srcdocOf = (html: string) => {
  const raw = /srcdoc="([^"]*)"/.exec(html)?.[1] ?? "";
  return raw.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
};

describe("placeholder of a forbidden category", () => {
  it("should say the site does not use the category, without an Allow button", async () => {
    const { html } = await rewrite(`<iframe src="https://www.youtube.com/embed/x" title="Video"></iframe>`, { granted: ["analytics", "functional"] });
    const document = srcdocOf(html);
    expect(document).toContain(`<p>YouTube content is not shown: WestHub does not use Marketing services.`);
    expect(document).not.toContain("<button");
    expect(document).toContain(`role="region" aria-label="Video" data-consentry-placeholder="youtube"`);
  });
});
