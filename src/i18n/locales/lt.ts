import type { Messages } from "./en.ts";

/** Lithuanian: the banner's own strings; the rest falls back to English string by string. */
export const lt: Partial<Messages> = {
  bannerLabel: "Sutikimas dėl slapukų",
  bannerTitle: "Slapukai svetainėje {site}",
  bannerText: "Naudojame slapukus, kurių reikia svetainės veikimui. Jums sutikus naudotume ir kitus, išvardytus skiltyje Tinkinti. Atsisakyti taip pat lengva kaip sutikti, o savo sprendimą bet kada galite pakeisti slapukų nustatymuose.",
  cookiePolicy: "Slapukų politika",
  privacyPolicy: "Privatumo politika",
  purposes: "Tikslai",
  acceptAll: "Priimti visus",
  rejectAll: "Atmesti visus",
  customise: "Tinkinti",
  saveChoices: "Išsaugoti pasirinkimą",
  alwaysOn: "Visada įjungta",
  neverUsed: "Nenaudojama",
  vendors: "Trečiosios šalys",
  cookies: "Slapukai",
  gpcHonoured: "Atsisakymo signalas paisytas",
  gpcText: "Jūsų naršyklė atsiuntė Global Privacy Control signalą. Laikome jį jūsų atsisakymu parduoti ir dalytis jūsų asmens duomenimis, todėl šie lieka išjungti: {categories}.",
  settingsButton: "Slapukų nustatymai",
  continueWithout: "Tęsti nesutinkant",
  privacyChoices: "Jūsų privatumo pasirinkimai",
  doNotSell: "Neparduokite ir nesidalykite mano asmenine informacija",
};
