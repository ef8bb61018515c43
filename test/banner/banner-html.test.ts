/**
 * The banner's first layer: what an auditor reads before any click (EDPB
 * Guidelines 05/2020; the cookie banner taskforce report, 2023).
 */
import { describe, expect, it } from "vitest";
import { variant, westhub, westhubInput, whereby } from "../support/policies.ts";
import { rewrite } from "../support/rewrite.ts";

const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body><p>content</p></body></html>`;
const firstLayer = (html: string) => html.match(/<section id="consentry"[\s\S]*?<details/)?.[0] ?? "";

describe("the first layer", () => {
  it("should link the cookie policy and the privacy policy", async () => {
    for (const policy of [westhub, whereby]) {
      const html = firstLayer((await rewrite(PAGE, { policy })).html);
      expect(html).toContain(`<a href="${policy.links.cookiePolicy}">Cookie policy</a>`);
      expect(html).toContain(`<a href="${policy.links.privacyPolicy}">Privacy policy</a>`);
    }
  });

  it("should leave the privacy link out when the policy has none", async () => {
    const none = variant(westhubInput, (p) => {
      delete p.links.privacyPolicy;
    });
    expect(firstLayer((await rewrite(PAGE, { policy: none })).html)).not.toContain("Privacy policy");
  });

  it("should name the purposes in one line: the optional ones, then those always on, never the forbidden", async () => {
    const html = firstLayer((await rewrite(PAGE)).html);
    expect(html).toContain(`<p data-purposes>Purposes: Functional, Analytics; Always on: Strictly necessary, Security</p>`);
    const w = firstLayer((await rewrite(PAGE, { policy: whereby })).html);
    const optional = whereby.categories.filter((c) => !c.required && !c.forbidden).map((c) => c.label);
    expect(w).toContain(`Purposes: ${optional.join(", ")};`);
  });

  it("should speak the visitor's language there too, and escape the policy's labels", async () => {
    expect(firstLayer((await rewrite(PAGE, { language: "de" })).html)).toMatch(/<p data-purposes>Zwecke: [^<]+; Immer aktiv: [^<]+<\/p>/);
    const hostile = variant(westhubInput, (p) => {
      p.categories[2]!.label = `<img src=x onerror=alert(1)>`;
      p.links.privacyPolicy = `https://westhub.app/p?a="><script>`;
    });
    const html = firstLayer((await rewrite(PAGE, { policy: hostile })).html);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain(`"><script>`);
    expect(html).toContain("Purposes: &lt;img src=x onerror=alert(1)&gt;, Analytics");
  });
});
