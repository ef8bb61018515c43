import type { Messages } from "./en.ts";

/** Croatian: the banner's own strings; the rest falls back to English string by string. */
export const hr: Partial<Messages> = {
  bannerLabel: "Privola za kolačiće",
  bannerTitle: "Kolačići na {site}",
  bannerText: "Koristimo kolačiće koji su potrebni za rad stranice. Uz vašu privolu koristili bismo i druge, navedene pod Prilagodi. Odbijanje je jednako jednostavno kao prihvaćanje, a odluku možete promijeniti u bilo kojem trenutku u Postavkama kolačića.",
  cookiePolicy: "Politika kolačića",
  privacyPolicy: "Politika privatnosti",
  purposes: "Svrhe",
  acceptAll: "Prihvati sve",
  rejectAll: "Odbij sve",
  customise: "Prilagodi",
  saveChoices: "Spremi odabir",
  alwaysOn: "Uvijek uključeno",
  neverUsed: "Ne koristi se",
  vendors: "Treće strane",
  cookies: "Kolačići",
  gpcHonoured: "Signal odbijanja poštovan",
  gpcText: "Vaš preglednik poslao je signal Global Privacy Control. Smatramo ga vašim odbijanjem prodaje i dijeljenja vaših osobnih podataka, stoga ovi ostaju isključeni: {categories}.",
  settingsButton: "Postavke kolačića",
  continueWithout: "Nastavi bez prihvaćanja",
  privacyChoices: "Vaši izbori privatnosti",
  doNotSell: "Nemojte prodavati ni dijeliti moje osobne podatke",
};
