import type { Messages } from "./en.ts";

/** Finnish: the banner's own strings; the rest falls back to English string by string. */
export const fi: Partial<Messages> = {
  bannerLabel: "Evästesuostumus",
  bannerTitle: "Evästeet sivustolla {site}",
  bannerText: "Käytämme evästeitä, joita sivusto tarvitsee toimiakseen. Suostumuksellasi käyttäisimme myös muita, jotka on lueteltu kohdassa Mukauta. Kieltäytyminen on yhtä helppoa kuin hyväksyminen, ja voit muuttaa valintaasi milloin tahansa evästeasetuksissa.",
  cookiePolicy: "Evästekäytäntö",
  privacyPolicy: "Tietosuojaseloste",
  purposes: "Käyttötarkoitukset",
  acceptAll: "Hyväksy kaikki",
  rejectAll: "Hylkää kaikki",
  customise: "Mukauta",
  saveChoices: "Tallenna valinnat",
  alwaysOn: "Aina käytössä",
  neverUsed: "Ei käytössä",
  vendors: "Kolmannet osapuolet",
  cookies: "Evästeet",
  gpcHonoured: "Kieltäytymissignaalia noudatettu",
  gpcText: "Selaimesi lähetti Global Privacy Control -signaalin. Pidämme sitä kieltäytymisenäsi henkilötietojesi myynnistä ja jakamisesta, joten nämä pysyvät pois päältä: {categories}.",
  settingsButton: "Evästeasetukset",
  continueWithout: "Jatka hyväksymättä",
  privacyChoices: "Tietosuojavalintasi",
  doNotSell: "Älä myy tai jaa henkilötietojani",
};
