/**
 * What Consentry shows on a page: the banner while the visitor has no valid
 * choice for this revision, otherwise the small "Cookie settings" control. One
 * block of HTML (style, markup, script), inserted once at the start of <body>,
 * so keyboard users meet it first and it paints with the page.
 */
import type { Decision } from "../decision/decide.ts";
import { BANNER_JS } from "../generated/client.ts";
import type { CspNonces } from "../html/csp.ts";
import { nonceAttribute } from "../html/csp.ts";
import { messagesFor, type Messages } from "../i18n/messages.ts";
import { negotiateLocale, type Locale } from "../i18n/negotiate.ts";
import type { CompiledPolicy, CompiledRoute } from "../policy/compile.ts";
import { bannerHtml, settingsLinkHtml } from "./banner-html.ts";
import { bannerCss } from "./brand-style.ts";
import { optOutLinkLabel } from "./privacy-choices.ts";
import { categoryViews } from "./view.ts";
import { requestUrl } from "../http/request-url.ts";

export interface UiContext {
  policy: CompiledPolicy;
  decision: Decision;
  route: CompiledRoute;
  request: Request;
}

export interface Language {
  locale: Locale;
  messages: Messages;
}

export function languageFor(policy: CompiledPolicy, request: Request): Language {
  const locale = negotiateLocale(request.headers.get("accept-language"), policy.banner.defaultLocale);
  return { locale, messages: messagesFor(locale, policy.banner.texts) };
}

/** The page's path and query, where the banner's form sends a visitor without JavaScript back to. */
export function returnPathOf(request: Request): string {
  const url = requestUrl(request);
  return url.pathname + url.search;
}

/**
 * The same visitor state renders the same bytes, and most responses of an isolate
 * share a handful of states: the HTML is kept per policy, keyed by everything that
 * varies it (language, each category's state for this visitor, the return path, the
 * page's CSP nonces). Bounded, and started afresh when full.
 */
const MAX_CACHED = 256;
const rendered = new WeakMap<CompiledPolicy, Map<string, string | null>>();

export function pageUiHtml(context: UiContext, nonces: CspNonces, language: Language = languageFor(context.policy, context.request)): string | null {
  const { policy, decision, route, request } = context;
  if (decision.mode !== "enforce" || !route.banner) return null;
  const position = policy.banner.settingsButton;
  if (!decision.showBanner && position === "off") return null;
  const { locale, messages } = language;
  const returnPath = returnPathOf(request);
  const optOutLabel = optOutLinkLabel(policy, decision, messages);
  const categories = decision.showBanner ? categoryViews(policy, decision, locale) : [];
  const key = JSON.stringify([
    locale,
    returnPath,
    nonces.style,
    nonces.script,
    optOutLabel,
    decision.showBanner,
    categories.map((c) => [c.state, c.gpc, c.grantedVendors]),
  ]);
  let cache = rendered.get(policy);
  if (cache === undefined) rendered.set(policy, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_CACHED) cache.clear();
  const html = render(policy, nonces, messages, locale, returnPath, optOutLabel, decision.showBanner, categories);
  cache.set(key, html);
  return html;
}

function render(
  policy: CompiledPolicy,
  nonces: CspNonces,
  messages: Messages,
  locale: Locale,
  returnPath: string,
  optOutLabel: string | null,
  showBanner: boolean,
  categories: ReturnType<typeof categoryViews>,
): string {
  const position = policy.banner.settingsButton;
  const style = `<style${nonceAttribute(nonces.style)} data-consentry-ui>${bannerCss(policy.banner)}</style>`;
  const settings = position === "off" ? "" : settingsLinkHtml({ position, messages, returnPath, hidden: showBanner, optOutLabel });
  if (!showBanner) return style + settings;
  const banner = bannerHtml({
    siteName: policy.name,
    cookiePolicy: policy.links.cookiePolicy,
    privacyPolicy: policy.links.privacyPolicy,
    locale,
    messages,
    categories,
    returnPath,
    vendorSwitches: policy.banner.vendorSwitches,
    optOutLabel,
    logo: policy.banner.brand?.logo,
  });
  return `${style}${banner}<script${nonceAttribute(nonces.script)} data-consentry-ui>${BANNER_JS}</script>${settings}`;
}
