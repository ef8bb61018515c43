/**
 * Consent Mode v2 after consent: every page carries `gtag('consent','default',…)`
 * first in <head>, with the state of the visitor's choice, even where nothing is
 * refused any more and the guard is left out.
 */
import { describe, expect, it } from "vitest";
import { westhub, whereby } from "../support/policies.ts";
import { rewrite } from "../support/rewrite.ts";

const PAGE = `<!DOCTYPE html><html><head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script><script>gtag('config','G-1')</script></head><body></body></html>`;
const defaults = (html: string) => JSON.parse(/\('consent','default',(\{[^}]*\})\)/.exec(html)![1]!) as Record<string, string | number>;

describe("Consent Mode defaults", () => {
  it("should be granted for every signal after Whereby's 'Accept all', before the page's Google tag", async () => {
    const { html } = await rewrite(PAGE, { policy: whereby, granted: [...whereby.optionalCategories] });
    expect(html.indexOf("'consent','default'")).toBeLessThan(html.indexOf("googletagmanager"));
    expect(defaults(html)).toEqual({
      ad_storage: "granted", ad_user_data: "granted", ad_personalization: "granted", analytics_storage: "granted",
      functionality_storage: "granted", personalization_storage: "granted", security_storage: "granted", wait_for_update: 500,
    });
  });

  it("should follow the choice: WestHub's marketing is forbidden, so ads stay denied after 'Accept all'", async () => {
    const { html } = await rewrite(PAGE, { policy: westhub, granted: [...westhub.optionalCategories] });
    expect(defaults(html)).toMatchObject({ analytics_storage: "granted", functionality_storage: "granted", ad_storage: "denied", ad_user_data: "denied" });
  });

  it("should be denied before a choice under opt-in", async () => {
    expect(defaults((await rewrite(PAGE, { policy: whereby })).html)).toMatchObject({ analytics_storage: "denied", ad_storage: "denied", security_storage: "granted" });
  });
});
