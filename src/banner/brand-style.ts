/**
 * A policy's `banner.brand` as CSS, appended to the banner's own style only when
 * the policy has one (an unbranded page pays nothing). The base CSS
 * (banner-style.ts) reads its palette from custom properties on `.cy`/`.cy-s`
 * (`--b` background, `--f` text, `--m` muted text, `--a` accent, `--l` lines);
 * a brand sets them with a doubled class, which outranks the base and its dark
 * scheme: a brand's colours are the banner's colours in light and dark alike,
 * checked at build time for WCAG AA contrast (src/policy/schema.ts).
 *
 * Every value was held to a strict form by the schema (hex colours, a font-family
 * list of names, a number of pixels); `cssValue` keeps anything else out anyway,
 * so no value can close the rule or the `<style>` element.
 */
import type { BannerOptions } from "../policy/schema.ts";
import { BANNER_CSS } from "./banner-style.ts";

type Brand = NonNullable<BannerOptions["brand"]>;

/** Consentry's light palette: what a brand's missing colours fall back to. */
export const BASE_COLOURS = { background: "#fff", text: "#1d232b", accent: "#0b57d0" } as const;

/** Letters, digits, spaces, commas, quotes, hyphens, `#` and `.`: no `;`, braces, `<`, backslash or newline. */
function cssValue(value: string): string {
  return value.replace(/[^\w ,'"#.-]/g, "");
}

const memo = new WeakMap<object, string>();

/** The banner's whole style for a policy: the base, then its brand. Memoised per policy's banner options (compiled once). */
export function bannerCss(banner: BannerOptions): string {
  let css = memo.get(banner);
  if (css === undefined) memo.set(banner, (css = BANNER_CSS + brandCss(banner.brand)));
  return css;
}

export function brandCss(brand: Brand | undefined): string {
  if (brand === undefined) return "";
  const rule: string[] = [];
  const c = brand.colors;
  if (c !== undefined && (c.background ?? c.text ?? c.accent) !== undefined) {
    const f = cssValue(c.text ?? BASE_COLOURS.text);
    // Muted text takes the text colour (a lighter grey could fail on the brand's background); lines, the text colour half-transparent.
    const lines = f.length === 4 ? `${f}8` : `${f}80`;
    rule.push(`--b:${cssValue(c.background ?? BASE_COLOURS.background)};--f:${f};--m:${f};--a:${cssValue(c.accent ?? BASE_COLOURS.accent)};--l:${lines}`);
  }
  if (brand.font !== undefined) rule.push(`font-family:${cssValue(brand.font)}`);
  let css = rule.length === 0 ? "" : `.cy.cy,.cy-s.cy-s{${rule.join(";")}}`;
  // At the top the banner stays in the flow (sticky), so it covers nothing the visitor cannot scroll to.
  if (brand.position === "top") css += `#consentry{position:sticky;top:0;border:1px solid var(--l);border-top:0${brand.radius === undefined ? ";border-radius:0 0 8px 8px" : ""}}body:has(#consentry){padding-bottom:0}`;
  if (brand.radius !== undefined) css += `#consentry,.cy button,.cy-s.cy-s{border-radius:${Number(brand.radius)}px}`;
  return css;
}
