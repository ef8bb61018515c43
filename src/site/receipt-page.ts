/**
 * The visitor's receipt as a page a person can read: the date in their language,
 * the categories and vendors by name, how they chose, whether GPC was sent. The
 * same record stays available as JSON for `Accept: application/json`; a browser
 * (which asks for `text/html`) gets this page. Every value is escaped.
 */
import type { Language } from "../banner/page-ui.ts";
import { categoryText } from "../banner/view.ts";
import { escapeHtml as e } from "../html/escape.ts";
import type { Messages } from "../i18n/messages.ts";
import { PATHS } from "../paths.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import type { Receipt } from "../receipts/receipt.ts";
import { documentResponse } from "./document.ts";

/** A browser navigating asks for HTML first; an API client sends `application/json`, or nothing. */
export function wantsHtml(accept: string | null): boolean {
  if (accept === null) return false;
  const html = accept.indexOf("text/html");
  const json = accept.indexOf("application/json");
  return html >= 0 && (json < 0 || html < json);
}

function methodText(method: Receipt["method"], m: Messages): string {
  switch (method) {
    case "accept-all":
      return m.acceptAll;
    case "reject-all":
      return m.rejectAll;
    case "custom":
      return m.saveChoices;
    case "gpc":
      return m.receiptGpc;
  }
}

/** The time in the visitor's language, in UTC, said so: the receipt's time is when the edge recorded it. */
function dateText(time: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(time * 1000)) + " UTC";
  } catch {
    return new Date(time * 1000).toISOString();
  }
}

export function receiptPage(input: { policy: CompiledPolicy; receipt: Receipt; language: Language }): Response {
  const { policy, receipt, language } = input;
  const m = language.messages;
  const label = (id: string) => {
    const category = policy.categoryById.get(id);
    return category === undefined ? id : categoryText(category, language.locale).label;
  };
  const list = (ids: readonly string[]) => (ids.length === 0 ? e(m.none) : ids.map((id) => e(id)).join(", "));
  const allowed = Object.entries(receipt.choice).filter(([, on]) => on).map(([id]) => label(id));
  const refused = Object.entries(receipt.choice).filter(([, on]) => !on).map(([id]) => label(id));
  const vendors = (receipt.vendors ?? []).map((id) => policy.vendorById(id)?.name ?? id);
  const rows: [string, string][] = [
    [m.receiptId, `<code>${e(receipt.id)}</code>`],
    [m.receiptDate, e(dateText(receipt.time, language.locale))],
    [m.receiptMethod, e(methodText(receipt.method, m))],
    [m.receiptAllowed, list(allowed)],
    [m.receiptRefused, list(refused)],
    [m.receiptVendors, list(vendors)],
    [m.receiptGpc, e(receipt.gpc ? m.yes : m.no)],
    [m.receiptRevision, e(String(receipt.revision))],
  ];
  const table = rows.map(([head, value]) => `<tr><th scope="row">${e(head)}</th><td>${value}</td></tr>`).join("");
  const body =
    `<div class="cy"><h1>${e(m.receiptTitle)}</h1><p>${e(policy.name)}</p>` +
    `<table data-consentry-receipt>${table}</table>` +
    `<p><a href="${PATHS.settings}">${e(m.settingsButton)}</a></p></div>`;
  return documentResponse({ locale: language.locale, title: `${m.receiptTitle} · ${policy.name}`, body });
}

/** A receipt that cannot be shown, as a page. */
export function receiptMissingPage(input: { message: string; language: Language; status: number }): Response {
  const m = input.language.messages;
  const body = `<div class="cy"><h1>${e(m.receiptTitle)}</h1><p>${e(input.message)}</p><p><a href="${PATHS.settings}">${e(m.settingsButton)}</a></p></div>`;
  return documentResponse({ locale: input.language.locale, title: m.receiptTitle, body, status: input.status });
}
