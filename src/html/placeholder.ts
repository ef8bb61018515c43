/**
 * The stand-in for refused embedded content: names the vendor and the category,
 * and offers to allow that vendor right there (contextual consent: the vendor
 * only, not its whole category). A plain form, so it works without JavaScript.
 *
 * An iframe keeps its place in the layout and shows the placeholder as its own
 * document (`srcdoc`): whatever size the site gives the frame (attributes, CSS,
 * a responsive wrapper), the placeholder has exactly that size. Its form posts
 * to the top window (the choice comes back as a new page, whose allowlist holds
 * the vendor). A `srcdoc` document inherits the page's CSP (CSP3 §7.8), so its
 * style carries the page's nonce and is hashed like the one in the page.
 * Embeds and objects, which cannot hold a document of ours, get the placeholder
 * in front of them, sized from their attributes.
 */
import type { Locale } from "../i18n/negotiate.ts";
import { format, type Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";
import { PATHS } from "../paths.ts";
import { nonceAttribute } from "./csp.ts";
import { categoryText } from "../banner/view.ts";
import { escapeHtml } from "./escape.ts";
import type { Refusal } from "./url-verdict.ts";

export interface PlaceholderInput {
  policy: CompiledPolicy;
  messages: Messages;
  /** The visitor's language, for the category's label (the policy's `texts`). */
  locale?: Locale;
  refusal: Refusal;
  /** Categories the visitor already allowed: kept when this vendor is added. */
  granted: readonly string[];
  /** Vendors the visitor already allowed one by one: kept too. */
  vendors: readonly string[];
  /** The page's origin: the form posts there, whatever `<base>` the page has. */
  origin: string;
  returnPath: string;
}

export interface SizedPlaceholderInput extends PlaceholderInput {
  width: string | null;
  height: string | null;
}

export interface PlaceholderDocumentInput extends PlaceholderInput {
  locale: Locale;
  /** The page's style nonce, if its own CSP has one. */
  styleNonce: string | null;
  style: string;
  /** The frame's own title, which names the placeholder's landmark (several frames of one vendor stay distinguishable). */
  title: string | null;
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

/** The vendor's name as the placeholder shows it. */
export function placeholderName(refusal: Refusal): string {
  return refusal.vendor?.name ?? refusal.host;
}

/** The placeholder element; its form answers in `target` when given; `style` sizes it; `label` names it (else the vendor). */
function placeholderElement({ policy, messages: m, locale, refusal, granted, vendors, origin, returnPath }: PlaceholderInput, target: string | null, style: string, label?: string): string {
  const name = placeholderName(refusal);
  const known = refusal.category === null ? undefined : policy.categoryById.get(refusal.category);
  const category = refusal.category === null ? m.unclassified : known === undefined ? refusal.category : categoryText(known, locale).label;
  const privacy = refusal.vendor?.privacyPolicy;
  const policyLink =
    privacy === undefined
      ? ""
      : ` <a href="${escapeHtml(privacy)}" target="_blank" rel="noopener noreferrer">${escapeHtml(format(m.vendorPolicy, { vendor: name }))}</a>`;
  const offer = consentable(policy, refusal);
  // A category the site never allows: say so, rather than name a choice the visitor cannot make.
  const forbidden = refusal.category !== null && policy.categoryById.get(refusal.category)?.forbidden === true;
  const text = forbidden ? format(m.unavailableContent, { vendor: name, site: policy.name, category }) : format(m.blockedContent, { vendor: name, category });
  let body = `<p>${escapeHtml(text)}${policyLink}</p>`;
  if (offer) {
    const hidden = (field: string, values: readonly string[]) => values.map((v) => `<input type="hidden" name="${field}" value="${escapeHtml(v)}">`).join("");
    body +=
      `<input type="hidden" name="action" value="custom">${hidden("category", granted)}${hidden("vendor", [...new Set([...vendors, refusal.vendor!.id])])}` +
      `<input type="hidden" name="return" value="${escapeHtml(returnPath)}"><button type="submit">${escapeHtml(format(m.allowVendor, { vendor: name }))}</button>`;
  }
  // A landmark either way: a form with a name is one (ARIA in HTML: `role="region"` is not allowed on a form), a div gets the region role.
  const open = offer ? `form method="post" action="${escapeHtml(origin + PATHS.consent)}"${target === null ? "" : ` target="${target}"`}` : `div`;
  return `<${open} class="consentry-placeholder"${offer ? "" : ` role="region"`} aria-label="${escapeHtml(label ?? name)}" data-consentry-placeholder="${escapeHtml(refusal.vendor?.id ?? "~")}"${style === "" ? "" : ` style="${style}"`}>${body}</${offer ? "form" : "div"}>`;
}

/** The placeholder in front of an embed or object, with its width and height. */
export function placeholderHtml(input: SizedPlaceholderInput): string {
  const style = [size(input.width) && `width:${size(input.width)}`, size(input.height) && `min-height:${size(input.height)}`].filter(Boolean).join(";");
  return placeholderElement(input, null, style);
}

/** The placeholder as a whole document, for an iframe's `srcdoc`: it fills the frame; its form answers in the top window. */
export function placeholderDocument(input: PlaceholderDocumentInput): string {
  return (
    `<!doctype html><html lang="${input.locale}" class="consentry-frame"><head><meta charset="utf-8"><title>${escapeHtml(input.title ?? placeholderName(input.refusal))}</title>` +
    `<style${nonceAttribute(input.styleNonce)}>${input.style}</style></head><body>${placeholderElement(input, "_top", "", input.title ?? undefined)}</body></html>`
  );
}
