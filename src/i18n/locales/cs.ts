import type { Messages } from "./en.ts";

/** Czech: the banner's own strings; the rest falls back to English string by string. */
export const cs: Partial<Messages> = {
  bannerLabel: "Souhlas s cookies",
  bannerTitle: "Cookies na webu {site}",
  bannerText: "Používáme cookies, které web potřebuje ke svému fungování. S vaším souhlasem bychom používali i další, uvedené v části Přizpůsobit. Odmítnout je stejně snadné jako přijmout a své rozhodnutí můžete kdykoli změnit v Nastavení cookies.",
  cookiePolicy: "Zásady používání cookies",
  privacyPolicy: "Zásady ochrany osobních údajů",
  purposes: "Účely",
  acceptAll: "Přijmout vše",
  rejectAll: "Odmítnout vše",
  customise: "Přizpůsobit",
  saveChoices: "Uložit volbu",
  alwaysOn: "Vždy zapnuto",
  neverUsed: "Nepoužívá se",
  vendors: "Třetí strany",
  cookies: "Cookies",
  gpcHonoured: "Signál odmítnutí respektován",
  gpcText: "Váš prohlížeč odeslal signál Global Privacy Control. Považujeme jej za váš nesouhlas s prodejem a sdílením vašich osobních údajů, proto zůstávají vypnuté: {categories}.",
  settingsButton: "Nastavení cookies",
  continueWithout: "Pokračovat bez přijetí",
  privacyChoices: "Vaše volby ochrany soukromí",
  doNotSell: "Neprodávejte ani nesdílejte mé osobní údaje",
};
