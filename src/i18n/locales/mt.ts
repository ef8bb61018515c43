import type { Messages } from "./en.ts";

/** Maltese: the banner's own strings; the rest falls back to English string by string. */
export const mt: Partial<Messages> = {
  bannerLabel: "Kunsens għall-cookies",
  bannerTitle: "Cookies fuq {site}",
  bannerText: "Nużaw cookies li s-sit jeħtieġ biex jaħdem. Bil-kunsens tiegħek nużaw ukoll oħrajn, elenkati taħt Ippersonalizza. Li tirrifjuta huwa faċli daqs li taċċetta, u tista’ tibdel fehmtek fi kwalunkwe ħin taħt Settings tal-cookies.",
  cookiePolicy: "Politika dwar il-cookies",
  privacyPolicy: "Politika tal-privatezza",
  purposes: "Skopijiet",
  acceptAll: "Aċċetta kollox",
  rejectAll: "Irrifjuta kollox",
  customise: "Ippersonalizza",
  saveChoices: "Issejvja l-għażliet",
  alwaysOn: "Dejjem attivi",
  neverUsed: "Mhux użati",
  vendors: "Partijiet terzi",
  cookies: "Cookies",
  gpcHonoured: "Is-sinjal ta’ rifjut ġie rispettat",
  gpcText: "Il-browser tiegħek bagħat sinjal Global Privacy Control. Nittrattawh bħala r-rifjut tiegħek għall-bejgħ u l-qsim tal-informazzjoni personali tiegħek, għalhekk dawn jibqgħu mitfija: {categories}.",
  settingsButton: "Settings tal-cookies",
  continueWithout: "Kompli mingħajr ma taċċetta",
  privacyChoices: "L-Għażliet tal-Privatezza Tiegħek",
  doNotSell: "Tbigħux u taqsmux l-informazzjoni personali tiegħi",
};
