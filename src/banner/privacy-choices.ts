/**
 * The United States opt-out link: "Your Privacy Choices" or "Do Not Sell or Share
 * My Personal Information" (11 CCR §7013), with the opt-out icon the CCPA
 * regulations give for it (§7015(b): the toggle, a check on white, a cross on
 * blue). Shown under an opt-out regime, where refusing is an opt-out the site
 * must offer; never under opt-in, where nothing optional runs before consent.
 */
import type { Decision } from "../decision/decide.ts";
import type { Messages } from "../i18n/messages.ts";
import type { CompiledPolicy } from "../policy/compile.ts";

/** The icon, 30×14, drawn inline (no request); decorative, since the link's text says what it does. */
export const OPT_OUT_ICON =
  `<svg width="30" height="14" viewBox="0 0 30 14" aria-hidden="true" focusable="false">` +
  `<rect x=".75" y=".75" width="28.5" height="12.5" rx="6.25" fill="#fff" stroke="#0066ff" stroke-width="1.5"/>` +
  `<path d="M16 .75h7a6.25 6.25 0 0 1 0 12.5H12z" fill="#0066ff"/>` +
  `<path d="m5 7 2.3 2.3L11 5" fill="none" stroke="#0066ff" stroke-width="1.5"/>` +
  `<path d="m18.5 4.5 5 5m0-5-5 5" stroke="#fff" stroke-width="1.5"/></svg>`;

/** The link's words for this visitor, or null where no opt-out link belongs. */
export function optOutLinkLabel(policy: CompiledPolicy, decision: Decision, m: Messages): string | null {
  const setting = policy.banner.optOutLink;
  if (setting === "off" || decision.regime !== "opt-out") return null;
  return setting === "do-not-sell-or-share" ? m.doNotSell : m.privacyChoices;
}
