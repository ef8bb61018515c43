/**
 * The settings page, at /_consentry/settings and at the site's own "Cookie
 * settings" paths (`banner.settingsPaths`): the visitor's current choice with its
 * date and receipt, the same form as the banner with every toggle showing what is
 * in force, the cookie declaration, and a way to erase the consent record.
 * Works without JavaScript: every form posts and comes back here.
 */
import { bannerHtml } from "../banner/banner-html.ts";
import { declarationTableHtml } from "../banner/declaration.ts";
import type { Language } from "../banner/page-ui.ts";
import { categoryViews } from "../banner/view.ts";
import type { ConsentState } from "../consent/consent-cookie.ts";
import type { Decision } from "../decision/decide.ts";
import { escapeHtml as e } from "../html/escape.ts";
import { format } from "../i18n/messages.ts";
import { PATHS } from "../paths.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { documentResponse } from "./document.ts";

export interface SettingsPageInput {
  policy: CompiledPolicy;
  decision: Decision;
  consent: ConsentState;
  language: Language;
  /** Where "Back to the site" goes. */
  returnPath: string;
  /** This page's own path and query, where its forms come back to. */
  selfPath: string;
  notice: "saved" | "erased" | null;
  /** The site's host name, for the declaration's domain column. */
  host: string;
}

export function settingsPage(input: SettingsPageInput): Response {
  const { policy, decision, consent, language, returnPath } = input;
  const m = language.messages;
  const site = policy.name;
  const categories = categoryViews(policy, decision, language.locale);
  const back = `${PATHS.settings}?return=${encodeURIComponent(returnPath)}`;
  const notice = input.notice === null ? "" : `<p role="status"><strong>${e(input.notice === "saved" ? m.saved : m.recordErased)}</strong></p>`;
  const choice = consent.status === "valid" ? consent.choice : null;
  const current =
    choice === null
      ? `<p>${e(m.noChoiceYet)}</p>`
      : `<p>${e(format(m.choiceMadeOn, { date: new Date(choice.time * 1000).toISOString().slice(0, 10), receipt: "\u0000" })).replace("\u0000", `<a href="${PATHS.receipt}"><code>${e(choice.id)}</code></a>`)}</p>` +
        `<form method="post" action="${PATHS.erase}"><input type="hidden" name="return" value="${e(back)}">` +
        `<div class="cy-x"><button type="submit">${e(m.eraseRecord)}</button></div></form>`;
  const body =
    `<div class="cy"><h1>${e(format(m.settingsTitle, { site }))}</h1>${notice}` +
    `<h2>${e(m.currentChoice)}</h2>${current}<p><a href="${e(returnPath)}">${e(m.backToSite)}</a></p></div>` +
    bannerHtml({ siteName: site, cookiePolicy: policy.links.cookiePolicy, privacyPolicy: policy.links.privacyPolicy, locale: language.locale, messages: m, categories, returnPath: `${back}&saved=1`, open: true, id: "consentry-form", vendorSwitches: policy.banner.vendorSwitches }) +
    `<div class="cy"><h2>${e(format(m.declarationTitle, { site }))}</h2>${declarationTableHtml(policy, categories, m, input.host)}</div>`;
  return documentResponse({ locale: language.locale, title: format(m.settingsTitle, { site }), body });
}

/** The cookie declaration on its own page. */
export function cookiesPage(input: { policy: CompiledPolicy; decision: Decision; language: Language; host: string }): Response {
  const m = input.language.messages;
  const title = format(m.declarationTitle, { site: input.policy.name });
  const categories = categoryViews(input.policy, input.decision, input.language.locale);
  // What each category is for, in the visitor's language: the banner on the site's pages
  // names the categories and links here (src/banner/banner-html.ts, `brief`).
  const purposes = `<dl>${categories.map((c) => `<dt>${e(c.label)}</dt><dd>${e(c.description)}</dd>`).join("")}</dl>`;
  const body = `<div class="cy"><h1>${e(title)}</h1>${purposes}${declarationTableHtml(input.policy, categories, m, input.host)}</div>`;
  return documentResponse({ locale: input.language.locale, title, body });
}
