import type { Messages } from "./en.ts";

/** Slovak: the banner's own strings; the rest falls back to English string by string. */
export const sk: Partial<Messages> = {
  bannerLabel: "Súhlas so súbormi cookie",
  bannerTitle: "Súbory cookie na {site}",
  bannerText: "Používame súbory cookie, ktoré stránka potrebuje na fungovanie. S vaším súhlasom by sme používali aj ďalšie, uvedené v časti Prispôsobiť. Odmietnuť je rovnako jednoduché ako prijať a svoje rozhodnutie môžete kedykoľvek zmeniť v Nastaveniach cookies.",
  cookiePolicy: "Zásady používania cookies",
  privacyPolicy: "Zásady ochrany súkromia",
  purposes: "Účely",
  acceptAll: "Prijať všetko",
  rejectAll: "Odmietnuť všetko",
  customise: "Prispôsobiť",
  saveChoices: "Uložiť výber",
  alwaysOn: "Vždy zapnuté",
  neverUsed: "Nepoužíva sa",
  vendors: "Tretie strany",
  cookies: "Súbory cookie",
  gpcHonoured: "Signál odmietnutia rešpektovaný",
  gpcText: "Váš prehliadač odoslal signál Global Privacy Control. Považujeme ho za váš nesúhlas s predajom a zdieľaním vašich osobných údajov, preto zostávajú vypnuté: {categories}.",
  settingsButton: "Nastavenia cookies",
  continueWithout: "Pokračovať bez prijatia",
  privacyChoices: "Vaše voľby súkromia",
  doNotSell: "Nepredávajte ani nezdieľajte moje osobné údaje",
};
