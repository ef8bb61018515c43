/**
 * The CSP hash sources of everything Consentry may write inline into a page (the
 * head script, the banner's script and style, the placeholders' style), for a
 * site whose own policy admits inline code only by nonce or hash
 * (src/allowlist/site-csp.ts). SHA-256 over the exact element text (CSP3
 * §6.7.3.4), computed once per page plan and remembered.
 */
import { BANNER_CSS } from "../banner/banner-style.ts";
import { bannerCss } from "../banner/brand-style.ts";
import type { BannerOptions } from "../policy/schema.ts";
import type { InlineSources } from "../allowlist/site-csp.ts";
import { BANNER_JS } from "../generated/client.ts";
import type { CspNonces } from "./csp.ts";
import { PLACEHOLDER_STYLE } from "./guard-config.ts";
import type { PagePlan } from "./page-plan.ts";

async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

let constant: Promise<{ banner: string; styles: string[] }> | undefined;
const perPlan = new WeakMap<PagePlan, Promise<string>>();

const perCss = new Map<string, Promise<string>>();

/** `banner`: the policy's banner options, whose brand makes its style element's text (and hash) its own. */
export async function inlineSources(plan: PagePlan, nonces: CspNonces, banner?: BannerOptions): Promise<InlineSources> {
  constant ??= Promise.all([hashSource(BANNER_JS), hashSource(BANNER_CSS), hashSource(PLACEHOLDER_STYLE)]).then(([banner, css, placeholder]) => ({ banner, styles: [css, placeholder] }));
  let head = perPlan.get(plan);
  if (head === undefined) perPlan.set(plan, (head = hashSource(plan.headScript)));
  const css = banner === undefined ? BANNER_CSS : bannerCss(banner);
  let branded: Promise<string> | undefined;
  if (css !== BANNER_CSS) {
    branded = perCss.get(css);
    if (branded === undefined) perCss.set(css, (branded = hashSource(css)));
  }
  const [fixed, headHash, brandedHash] = await Promise.all([constant, head, branded]);
  return { scripts: [headHash, fixed.banner], styles: brandedHash === undefined ? fixed.styles : [brandedHash, fixed.styles[1]!], scriptNonce: nonces.script, styleNonce: nonces.style };
}
