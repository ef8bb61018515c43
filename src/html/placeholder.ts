/**
 * The stand-in for refused embedded content: same size, names the vendor and the
 * category, and offers to allow that vendor right there (contextual consent: the
 * vendor only, not its whole category). A plain form, so it works without
 * JavaScript; with it, the guard submits it in place.
 */
import { format, type Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { PATHS } from "../paths.ts";
import { escapeHtml } from "./escape.ts";
import type { Refusal } from "./url-verdict.ts";

export interface PlaceholderInput {
  policy: CompiledPolicy;
  messages: Messages;
  refusal: Refusal;
  /** Categories the visitor already allowed: kept when this vendor is added. */
  granted: readonly string[];
  /** Vendors the visitor already allowed one by one: kept too. */
  vendors: readonly string[];
  returnPath: string;
  width: string | null;
  height: string | null;
}

const DIMENSION = /^\d{1,5}(?:px|%)?$/;

function size(value: string | null): string | null {
  if (value === null || !DIMENSION.test(value.trim())) return null;
  const v = value.trim();
  return /\d$/.test(v) ? `${v}px` : v;
}

/** Only a known vendor of a category the visitor may still allow can be allowed here. */
function consentable(policy: CompiledPolicy, refusal: Refusal): boolean {
  if (refusal.vendor === null || refusal.category === null || refusal.reason === "route") return false;
  const category = policy.categoryById.get(refusal.category);
  return category !== undefined && !category.forbidden;
}

export function placeholderHtml({ policy, messages: m, refusal, granted, vendors, returnPath, width, height }: PlaceholderInput): string {
  const name = refusal.vendor?.name ?? refusal.host;
  const label = refusal.category === null ? m.unclassified : (policy.categoryById.get(refusal.category)?.label ?? refusal.category);
  const style = [size(width) && `width:${size(width)}`, size(height) && `min-height:${size(height)}`].filter(Boolean).join(";");
  const privacy = refusal.vendor?.privacyPolicy;
  const policyLink =
    privacy === undefined
      ? ""
      : ` <a href="${escapeHtml(privacy)}" target="_blank" rel="noopener noreferrer">${escapeHtml(format(m.vendorPolicy, { vendor: name }))}</a>`;
  let body = `<p>${escapeHtml(format(m.blockedContent, { vendor: name, category: label }))}${policyLink}</p>`;
  const offer = consentable(policy, refusal);
  if (offer) {
    const hidden = (field: string, values: readonly string[]) => values.map((v) => `<input type="hidden" name="${field}" value="${escapeHtml(v)}">`).join("");
    body +=
      `<input type="hidden" name="action" value="custom">${hidden("category", granted)}${hidden("vendor", [...new Set([...vendors, refusal.vendor!.id])])}` +
      `<input type="hidden" name="return" value="${escapeHtml(returnPath)}"><button type="submit">${escapeHtml(format(m.allowVendor, { vendor: name }))}</button>`;
  }
  const open = offer ? `form method="post" action="${PATHS.consent}"` : "div";
  return `<${open} class="consentry-placeholder" role="region" aria-label="${escapeHtml(name)}" data-consentry-placeholder="${escapeHtml(refusal.vendor?.id ?? "~")}"${style === "" ? "" : ` style="${style}"`}>${body}</${offer ? "form" : "div"}>`;
}
