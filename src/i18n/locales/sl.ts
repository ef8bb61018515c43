import type { Messages } from "./en.ts";

/** Slovenian: the banner's own strings; the rest falls back to English string by string. */
export const sl: Partial<Messages> = {
  bannerLabel: "Privolitev za piškotke",
  bannerTitle: "Piškotki na {site}",
  bannerText: "Uporabljamo piškotke, ki jih spletno mesto potrebuje za delovanje. Z vašo privolitvijo bi uporabljali tudi druge, navedene pod Prilagodi. Zavrnitev je enako preprosta kot sprejem, svojo odločitev pa lahko kadar koli spremenite v Nastavitvah piškotkov.",
  cookiePolicy: "Pravilnik o piškotkih",
  privacyPolicy: "Pravilnik o zasebnosti",
  purposes: "Nameni",
  acceptAll: "Sprejmi vse",
  rejectAll: "Zavrni vse",
  customise: "Prilagodi",
  saveChoices: "Shrani izbiro",
  alwaysOn: "Vedno vklopljeno",
  neverUsed: "Se ne uporablja",
  vendors: "Tretje osebe",
  cookies: "Piškotki",
  gpcHonoured: "Signal zavrnitve upoštevan",
  gpcText: "Vaš brskalnik je poslal signal Global Privacy Control. Upoštevamo ga kot vašo zavrnitev prodaje in deljenja vaših osebnih podatkov, zato ti ostanejo izklopljeni: {categories}.",
  settingsButton: "Nastavitve piškotkov",
  continueWithout: "Nadaljuj brez sprejema",
  privacyChoices: "Vaše izbire zasebnosti",
  doNotSell: "Ne prodajajte in ne delite mojih osebnih podatkov",
};
