/**
 * The cookie declaration, generated from the policy and the catalog: every
 * cookie the policy declares and every cookie of the vendors it names, by
 * category, each with its purpose, provider, lifetime and domain (ePrivacy
 * Art. 5(3) "clear and comprehensive information"; EDPB Guidelines 05/2020 and
 * the CNIL's 2020 guidelines name these facts). The policy's own words come
 * first, then the catalog's (the Open Cookie Database's description and
 * retention). What neither says reads "Not stated", so the gap shows rather than
 * hides. Served as a page and written into any element of the site's pages
 * that carries `data-consent-cookie-table`, so the site's "up-to-date cookie
 * list" is always the policy Consentry enforces.
 */
import { consentCookieName } from "../consent/consent-cookie-name.ts";
import { escapeHtml as e } from "../html/escape.ts";
import { format, type Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { CategoryView, CookieRow } from "./view.ts";

export const COOKIE_TABLE_SELECTOR = "[data-consent-cookie-table]";

function provider(cookie: CookieRow, m: Messages): string {
  if (cookie.vendor === null) return e(m.firstParty);
  return cookie.privacyPolicy === undefined ? e(cookie.vendor) : `<a href="${e(cookie.privacyPolicy)}">${e(cookie.vendor)}</a>`;
}

/** `host`: the site's host name, the domain of every cookie the policy gives no `domains` for. */
export function declarationTableHtml(policy: CompiledPolicy, categories: readonly CategoryView[], m: Messages, host: string): string {
  const row = (name: string, category: string, by: string, purpose: string, retention: string, domain: string) =>
    `<tr><td><code>${e(name)}</code></td><td>${e(category)}</td><td>${by}</td><td>${e(purpose)}</td><td>${e(retention)}</td><td>${e(domain)}</td></tr>`;
  const rows = categories.flatMap((category) =>
    category.cookies.map((cookie) =>
      row(cookie.name, category.label, provider(cookie, m), cookie.purpose ?? m.notStated, cookie.retention ?? m.notStated, cookie.domains.length > 0 ? cookie.domains.join(", ") : host),
    ),
  );
  const own = row(
    consentCookieName(policy.consent),
    categories.find((c) => c.state === "required")?.label ?? "",
    e(m.firstParty),
    m.currentChoice,
    format(m.lifetimeDays, { days: String(policy.consent.lifetimeDays) }),
    policy.consent.domain ?? host,
  );
  const head = [m.columnName, m.columnCategory, m.columnVendor, m.columnPurpose, m.columnLifetime, m.columnDomain].map((h) => `<th scope="col">${e(h)}</th>`).join("");
  return `<table class="consentry-cookies" data-consentry-declaration="${e(policy.id)}"><thead><tr>${head}</tr></thead><tbody>${own}${rows.join("")}</tbody></table>`;
}
