import type { Messages } from "./en.ts";

/** Estonian: the banner's own strings; the rest falls back to English string by string. */
export const et: Partial<Messages> = {
  bannerLabel: "Küpsiste nõusolek",
  bannerTitle: "Küpsised saidil {site}",
  bannerText: "Kasutame küpsiseid, mida sait vajab toimimiseks. Teie nõusolekul kasutaksime ka teisi, mis on loetletud jaotises Kohanda. Keeldumine on sama lihtne kui nõustumine ja saate oma otsust igal ajal muuta küpsiste seadetes.",
  cookiePolicy: "Küpsiste poliitika",
  privacyPolicy: "Privaatsuspoliitika",
  purposes: "Eesmärgid",
  acceptAll: "Nõustu kõigiga",
  rejectAll: "Keeldu kõigist",
  customise: "Kohanda",
  saveChoices: "Salvesta valikud",
  alwaysOn: "Alati sees",
  neverUsed: "Ei kasutata",
  vendors: "Kolmandad osapooled",
  cookies: "Küpsised",
  gpcHonoured: "Loobumissignaali on arvestatud",
  gpcText: "Teie brauser saatis Global Privacy Control signaali. Käsitleme seda teie keeldumisena isikuandmete müügist ja jagamisest, seega jäävad need välja: {categories}.",
  settingsButton: "Küpsiste seaded",
  continueWithout: "Jätka nõustumata",
  privacyChoices: "Teie privaatsusvalikud",
  doNotSell: "Ärge müüge ega jagage minu isikuandmeid",
};
