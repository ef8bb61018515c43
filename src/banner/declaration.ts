/**
 * The cookie declaration, generated from the policy and the catalog: every
 * cookie the policy declares and every cookie of the vendors it names, by
 * category. Served as a page and written into any element of the site's pages
 * that carries `data-consent-cookie-table`, so the site's "up-to-date cookie
 * list" is always the policy Consentry enforces.
 */
import { consentCookieName } from "../consent/consent-cookie-name.ts";
import { escapeHtml as e } from "../html/escape.ts";
import type { Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { CategoryView } from "./view.ts";

export const COOKIE_TABLE_SELECTOR = "[data-consent-cookie-table]";

export function declarationTableHtml(policy: CompiledPolicy, categories: readonly CategoryView[], m: Messages): string {
  const rows = categories.flatMap((category) =>
    category.cookies.map(
      (cookie) =>
        `<tr><td><code>${e(cookie.name)}</code></td><td>${e(category.label)}</td><td>${cookie.vendor === null ? e(m.firstParty) : cookie.privacyPolicy === undefined ? e(cookie.vendor) : `<a href="${e(cookie.privacyPolicy)}">${e(cookie.vendor)}</a>`}</td><td>${e(cookie.purpose ?? "")}</td></tr>`,
    ),
  );
  const own = `<tr><td><code>${e(consentCookieName(policy.consent))}</code></td><td>${e(categories.find((c) => c.state === "required")?.label ?? "")}</td><td>${e(m.firstParty)}</td><td>${e(m.currentChoice)}</td></tr>`;
  return (
    `<table class="consentry-cookies" data-consentry-declaration="${e(policy.id)}">` +
    `<thead><tr><th scope="col">${e(m.columnName)}</th><th scope="col">${e(m.columnCategory)}</th><th scope="col">${e(m.columnVendor)}</th><th scope="col">${e(m.columnPurpose)}</th></tr></thead>` +
    `<tbody>${own}${rows.join("")}</tbody></table>`
  );
}
