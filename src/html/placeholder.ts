/**
 * The stand-in for blocked embedded content: same size, names the vendor and the
 * category, and offers to allow that category right there (contextual consent).
 * A plain form, so it works without JavaScript; with it, the guard submits it in
 * place and revives the content without a reload.
 */
import { format, type Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { PATHS } from "../paths.ts";
import { escapeHtml } from "./escape.ts";
import type { BlockedVerdict } from "./page-plan.ts";

export interface PlaceholderInput {
  policy: CompiledPolicy;
  messages: Messages;
  verdict: BlockedVerdict;
  /** Categories the visitor already allowed: kept when this one is added. */
  granted: readonly string[];
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

export function placeholderHtml({ policy, messages: m, verdict, granted, returnPath, width, height }: PlaceholderInput): string {
  const name = verdict.vendor.name;
  const vendor = escapeHtml(name);
  const category = verdict.category === null ? null : policy.categoryById.get(verdict.category);
  const style = [size(width) && `width:${size(width)}`, size(height) && `min-height:${size(height)}`].filter(Boolean).join(";");
  const consentable = category !== undefined && category !== null && verdict.reason !== "route" && !category.forbidden;
  const policyLink =
    verdict.vendor.privacyPolicy === undefined
      ? ""
      : ` <a href="${escapeHtml(verdict.vendor.privacyPolicy)}" target="_blank" rel="noopener noreferrer">${escapeHtml(format(m.vendorPolicy, { vendor: name }))}</a>`;
  const label = category ? category.label : "unknown";
  let body = `<p>${escapeHtml(format(m.blockedContent, { vendor: name, category: label }))}${policyLink}</p>`;
  if (consentable) {
    const hidden = [...new Set([...granted, category.id])].map((c) => `<input type="hidden" name="category" value="${escapeHtml(c)}">`).join("");
    body += `<input type="hidden" name="action" value="custom">${hidden}<input type="hidden" name="return" value="${escapeHtml(returnPath)}"><button type="submit">${escapeHtml(format(m.allowContent, { category: label }))}</button>`;
  }
  const tag = consentable ? `form method="post" action="${PATHS.consent}"` : "div";
  return `<${tag} class="consentry-placeholder" role="region" aria-label="${vendor}" data-consentry-placeholder="${escapeHtml(verdict.vendor.id)}"${style === "" ? "" : ` style="${style}"`}>${body}</${consentable ? "form" : "div"}>`;
}
