/**
 * The US opt-out link (11 CCR §§7013, 7015): its words and icon under an opt-out
 * regime, on the banner's first layer and as the persistent control; absent under
 * opt-in; the policy chooses the wording or turns it off.
 */
import { describe, expect, it } from "vitest";
import { OPT_OUT_ICON } from "../../src/banner/privacy-choices.ts";
import { variant, westhubInput, whereby } from "../support/policies.ts";
import { rewrite } from "../support/rewrite.ts";

const PAGE = `<!DOCTYPE html><html><head><title>t</title></head><body><p>content</p></body></html>`;
const banner = (html: string) => html.match(/<section id="consentry"[\s\S]*?<\/section>/)?.[0] ?? "";
const control = (html: string) => html.match(/<a id="consentry-settings"[\s\S]*?<\/a>/)?.[0] ?? "";

describe("the US opt-out link", () => {
  it("should sit on the first layer with its icon under opt-out (California, Texas)", async () => {
    for (const country of ["US-CA", "US-TX"]) {
      const html = banner((await rewrite(PAGE, { country, url: "https://westhub.app/pricing?x=1" })).html);
      const first = html.slice(0, html.indexOf("<details"));
      expect(first, country).toContain(`<a class="cy-i" href="/_consentry/settings?return=%2Fpricing%3Fx%3D1" data-opt-out>${OPT_OUT_ICON}Your Privacy Choices</a>`);
    }
  });

  it("should be the persistent control once the visitor has chosen", async () => {
    const html = (await rewrite(PAGE, { country: "US-CA", granted: [] })).html;
    expect(control(html)).toBe(`<a id="consentry-settings" class="cy-s cy-sl cy-i" href="/_consentry/settings?return=%2F" data-consentry-ui data-opt-out>${OPT_OUT_ICON}Your Privacy Choices</a>`);
  });

  it("should be absent under opt-in (Germany)", async () => {
    const { html } = await rewrite(PAGE, { country: "DE" });
    expect(html).not.toContain("data-opt-out");
    expect(html).not.toContain("<svg");
    expect(control((await rewrite(PAGE, { country: "DE", granted: [] })).html)).toContain(">Cookie settings</a>");
  });

  it("should say 'Do Not Sell or Share My Personal Information' when the policy asks, and nothing when it says off", async () => {
    const dns = variant(westhubInput, (p) => {
      p.banner = { optOutLink: "do-not-sell-or-share" };
    });
    expect(banner((await rewrite(PAGE, { policy: dns, country: "US-CO" })).html)).toContain(`${OPT_OUT_ICON}Do Not Sell or Share My Personal Information</a>`);
    const off = variant(westhubInput, (p) => {
      p.banner = { optOutLink: "off" };
    });
    expect((await rewrite(PAGE, { policy: off, country: "US-CA" })).html).not.toContain("data-opt-out");
  });

  it("should keep the icon decorative and the link named by its words", () => {
    expect(OPT_OUT_ICON).toMatch(/^<svg [^>]*aria-hidden="true"/);
    expect(OPT_OUT_ICON).not.toMatch(/<script|on\w+=/i);
  });

  it("should offer a GPC visitor consent for the other categories only", async () => {
    const html = banner((await rewrite(PAGE, { policy: whereby, country: "US-TX", gpc: true })).html);
    for (const id of whereby.gpcOptOut) {
      expect(html).toMatch(new RegExp(`<input type="checkbox" id="cy-${id}" disabled>`));
      expect(html).not.toContain(`value="${id}"`);
    }
    expect(html).toContain(`name="category" value="integrations"`);
    expect(html).toContain("data-opt-out");
  });
});
