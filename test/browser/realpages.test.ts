/**
 * Never break the site, on pages nobody here wrote: the CI subset of the real-page
 * set (demo/realpages/), each loaded in real Chromium directly from the origin and
 * through Consentry for a visitor in Germany under WestHub, before any choice and
 * after "Accept all". Through Consentry a page may gain no JavaScript error, keeps
 * its visible text within 1 %, and reaches no host its allowlist refuses. The
 * whole set runs with `npm run realpages`.
 */
import { describe, expect, inject, it } from "vitest";
import { CI_SUBSET } from "../../demo/realpages/pages.ts";
import { useBrowser } from "./support/browser.ts";
import { newErrors, replay, textChange } from "./support/realpages.ts";

const ORIGIN = inject("origin");
const EU = inject("consentryEU");
const browser = useBrowser();

describe("real pages through Consentry: an EU visitor (WestHub), before any choice and after Accept all", () => {
  it.each(CI_SUBSET)("%s keeps working: no new JavaScript error, its text, no refused host", async (id) => {
    const run = await replay(browser(), ORIGIN, EU, `/realpages/${id}`);
    // The control: the page loaded and showed text without Consentry.
    expect(run.direct.text).toBeGreaterThan(500);
    expect(newErrors(run.direct, run.before), "before consent").toEqual([]);
    expect(Math.abs(textChange(run.direct, run.before)), "text before consent").toBeLessThanOrEqual(0.01);
    expect(run.before.refused, "refused hosts reached before consent").toEqual([]);
    expect(run.after, "the banner asked").not.toBeNull();
    expect(newErrors(run.direct, run.after!), "after Accept all").toEqual([]);
    expect(Math.abs(textChange(run.direct, run.after!)), "text after Accept all").toBeLessThanOrEqual(0.01);
    expect(run.after!.refused, "refused hosts reached after Accept all").toEqual([]);
  });
});
