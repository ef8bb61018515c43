/**
 * English, the reference locale: every other locale has exactly these keys.
 * `{name}` placeholders are filled in by `format()`; values are plain text
 * (escaped when rendered), never HTML.
 */
export const en = {
  bannerLabel: "Cookie consent",
  bannerTitle: "Cookies on {site}",
  bannerText:
    "We use cookies the site needs to work. With your consent we would also use others, listed under Customise. Rejecting is as easy as accepting, and you can change your mind at any time under Cookie settings.",
  cookiePolicy: "Cookie policy",
  acceptAll: "Accept all",
  rejectAll: "Reject all",
  customise: "Customise",
  saveChoices: "Save choices",
  alwaysOn: "Always on",
  neverUsed: "Not used",
  vendors: "Third parties",
  cookies: "Cookies",
  gpcHonoured: "Opt-out preference signal honoured",
  gpcText: "Your browser sent a Global Privacy Control signal, so these stay off unless you switch them on: {categories}.",
  settingsButton: "Cookie settings",
  settingsTitle: "Cookie settings for {site}",
  currentChoice: "Your current choice",
  noChoiceYet: "You have not made a choice yet.",
  choiceMadeOn: "Chosen on {date}. Receipt {receipt}.",
  eraseRecord: "Erase my consent record",
  recordErased: "Your consent record has been erased.",
  declarationTitle: "Cookies used on {site}",
  columnName: "Name",
  columnCategory: "Category",
  columnVendor: "Set by",
  columnPurpose: "Purpose",
  firstParty: "This site",
  blockedContent: "{vendor} content is blocked: it needs {category} cookies.",
  /** A placeholder for content of a category the site never allows: nothing to ask for. */
  unavailableContent: "{vendor} content is not shown: {site} does not use {category} services.",
  allowContent: "Allow {category} content",
  allowVendor: "Allow {vendor}",
  unclassified: "unclassified",
  vendorPolicy: "{vendor} privacy policy",
  saved: "Your choice has been saved.",
  backToSite: "Back to the site",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
