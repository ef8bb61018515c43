/**
 * The banner. First layer: a short text, the cookie policy, "Reject all" and
 * "Accept all" as equal buttons, and "Customise". Second layer (`<details>`, so it
 * opens without JavaScript): one toggle per optional category, none pre-ticked
 * where consent is needed, required ones shown as always on, with the vendors and
 * cookies under each. It is one plain `<form method="post">` to the consent
 * endpoint: without JavaScript the browser posts it and is sent back (303); with
 * JavaScript the banner script submits it in place.
 *
 * Every string that reaches HTML is escaped here; policy texts are plain text.
 */
import { escapeHtml as e } from "../html/escape.ts";
import { format, type Messages } from "../i18n/messages.ts";
import type { Locale } from "../i18n/negotiate.ts";
import { PATHS } from "../paths.ts";
import { OPT_OUT_ICON } from "./privacy-choices.ts";
import type { CategoryView } from "./view.ts";

export interface BannerInput {
  siteName: string;
  cookiePolicy: string;
  /** The policy's `links.privacyPolicy`, linked on the first layer next to the cookie policy. */
  privacyPolicy?: string | undefined;
  locale: Locale;
  messages: Messages;
  categories: readonly CategoryView[];
  /** Where to send a visitor without JavaScript back to. */
  returnPath: string;
  /** The settings page shows the second layer open. */
  open?: boolean;
  /** `id` of the root element; the settings page uses another so the page script leaves it alone. */
  id?: string;
  /** A switch per vendor under each optional category (the policy's `banner.vendorSwitches`). */
  vendorSwitches?: boolean;
  /** Under an opt-out regime: the "Your Privacy Choices" link's words (src/banner/privacy-choices.ts). */
  optOutLabel?: string | null;
  /** The policy's `banner.brand.logo`: decorative beside the title that names the site. */
  logo?: string | undefined;
}

/** The settings page, which comes back to `returnPath`: where the opt-out link and the settings control lead. */
export function settingsHref(returnPath: string): string {
  return `${PATHS.settings}?return=${encodeURIComponent(returnPath)}`;
}

/**
 * One switch per vendor of an optional category: a visitor may allow one vendor
 * and not its category. Ticked only where this visitor allowed that vendor, or the
 * whole category (never pre-ticked otherwise, CJEU C-673/17 Planet49).
 */
function vendorSwitches(category: CategoryView, m: Messages): string {
  const items = category.vendors.map((v) => {
    const on = category.state === "on" || category.grantedVendors.includes(v.id);
    return `<label><input type="checkbox" name="vendor" value="${e(v.id)}"${on ? " checked" : ""}> ${e(v.name)}</label>`;
  });
  return `<fieldset class="cy-v"><legend>${e(m.vendors)}</legend>${items.join("")}</fieldset>`;
}

/**
 * `brief`: the banner on the site's pages, which must stay within its 4 KB. There a
 * required category is its name and "Always on", and a forbidden one its name and "Not
 * used" (nothing to choose either way); an optional one its switch and its third parties
 * (names, or a switch each). Every category's description is on the settings page and
 * in the cookie declaration the second layer links to, one step away; the purposes are
 * on the first layer.
 */
function toggle(category: CategoryView, m: Messages, perVendor: boolean, brief: boolean): string {
  const id = `cy-${e(category.id)}`;
  let control: string;
  if (category.state === "required") control = `<input type="checkbox" id="${id}" checked disabled> ${e(category.label)} <small>${e(m.alwaysOn)}</small>`;
  else if (category.state === "forbidden") control = `${e(category.label)} <small>${e(m.neverUsed)}</small>`;
  else {
    // GPC is a standing opt-out of sale and sharing (11 CCR §7025(c)): its categories are
    // not offered, so neither "Accept all" nor a toggle undoes the signal (§7026(k)).
    control = category.gpc
      ? `<input type="checkbox" id="${id}" disabled> ${e(category.label)} <small class="cy-g" data-gpc>${e(m.gpcHonoured)}</small>`
      : `<input type="checkbox" id="${id}" name="category" value="${e(category.id)}"${category.state === "on" ? " checked" : ""}> ${e(category.label)}`;
  }
  // Names only: their privacy policies, and every cookie with its purpose and lifetime, are in
  // the cookie declaration the second layer links to, keeping the banner within its 4 KB.
  const vendors = category.vendors.map((v) => e(v.name));
  // No vendor switch where GPC opts the category out: the signal stands (11 CCR §7026(k)).
  const switches = perVendor && vendors.length > 0 && !category.gpc && (category.state === "on" || category.state === "off");
  const details = [vendors.length > 0 && !switches ? `${e(m.vendors)}: ${vendors.join(", ")}` : ""].filter(Boolean);
  // The label wraps its checkbox: no `for` needed (HTML §4.10.4).
  const tag = category.state === "forbidden" ? "div" : "label";
  if (brief && (category.state === "required" || category.state === "forbidden")) return `<div class="cy-c"><${tag}>${control}</${tag}></div>`;
  return `<div class="cy-c"><${tag}>${control}</${tag}>${brief ? "" : `<p>${e(category.description)}</p>`}${switches ? vendorSwitches(category, m) : ""}${details.map((d) => `<p>${d}</p>`).join("")}</div>`;
}

/**
 * The purposes in one line on the first layer (EDPB Guidelines 05/2020 §§ 62–64
 * and the cookie banner taskforce report: the purposes belong on the first
 * layer): the optional categories, then those always on. Forbidden ones are not
 * purposes of the site.
 */
export function purposesLine(categories: readonly CategoryView[], m: Messages): string {
  const labels = (state: (s: CategoryView["state"]) => boolean) => categories.filter((c) => state(c.state)).map((c) => c.label).join(", ");
  const optional = labels((s) => s === "on" || s === "off");
  const required = labels((s) => s === "required");
  return [optional === "" ? "" : `${m.purposes}: ${optional}`, required === "" ? "" : `${m.alwaysOn}: ${required}`].filter(Boolean).join("; ");
}

export function bannerHtml(input: BannerInput): string {
  const m = input.messages;
  const id = input.id ?? "consentry";
  const gpcCategories = input.categories.filter((c) => c.gpc).map((c) => c.label);
  const gpc =
    gpcCategories.length === 0 ? "" : `<p role="status" data-gpc><strong>${e(m.gpcHonoured)}.</strong> ${e(format(m.gpcText, { categories: gpcCategories.join(", ") }))}</p>`;
  const title = e(format(m.bannerTitle, { site: input.siteName }));
  return (
    `<section id="${e(id)}" class="cy" role="region" aria-label="${e(m.bannerLabel)}" lang="${input.locale}" data-consentry-ui>` +
    `<form method="post" action="${PATHS.consent}">` +
    `<input type="hidden" name="return" value="${e(input.returnPath)}">` +
    // "Continue without accepting" (CNIL, 2020 recommendation §2.2): closing the banner is a refusal.
    (input.open ? "" : `<button type="submit" name="action" value="reject-all" class="cy-d">${e(m.continueWithout)}</button>`) +
    (input.logo === undefined ? "" : `<img src="${e(input.logo)}" alt="" height="40">`) +
    `<h2>${title}</h2>` +
    `<p>${e(m.bannerText)} <a href="${e(input.cookiePolicy)}">${e(m.cookiePolicy)}</a>` +
    (input.privacyPolicy === undefined ? "" : ` · <a href="${e(input.privacyPolicy)}">${e(m.privacyPolicy)}</a>`) +
    (input.optOutLabel == null ? "" : ` · <a class="cy-i" href="${e(settingsHref(input.returnPath))}" data-opt-out>${OPT_OUT_ICON}${e(input.optOutLabel)}</a>`) +
    `</p><p data-purposes>${e(purposesLine(input.categories, m))}</p>` +
    gpc +
    `<div class="cy-r"><button type="submit" name="action" value="reject-all">${e(m.rejectAll)}</button><button type="submit" name="action" value="accept-all">${e(m.acceptAll)}</button></div>` +
    `<details${input.open ? " open" : ""}><summary>${e(m.customise)}</summary>` +
    input.categories.map((c) => toggle(c, m, input.vendorSwitches === true, input.open !== true)).join("") +
    `<p><a href="${PATHS.cookies}">${e(format(m.declarationTitle, { site: input.siteName }))}</a></p>` +
    `<div class="cy-x"><button type="submit" name="action" value="custom">${e(m.saveChoices)}</button></div>` +
    `</details></form></section>`
  );
}

/**
 * The persistent "Cookie settings" control: a plain link, so it works without
 * JavaScript. Under an opt-out regime it is the opt-out link, with its icon.
 */
export function settingsLinkHtml(input: { position: "bottom-left" | "bottom-right"; messages: Messages; returnPath: string; hidden: boolean; optOutLabel?: string | null }): string {
  const side = input.position === "bottom-left" ? "cy-sl" : "cy-sr";
  const text = input.optOutLabel == null ? e(input.messages.settingsButton) : `${OPT_OUT_ICON}${e(input.optOutLabel)}`;
  return `<a id="consentry-settings" class="cy-s ${side}${input.optOutLabel == null ? "" : " cy-i"}" href="${e(settingsHref(input.returnPath))}"${input.hidden ? " hidden" : ""} data-consentry-ui${input.optOutLabel == null ? "" : " data-opt-out"}>${text}</a>`;
}
