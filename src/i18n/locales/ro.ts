import type { Messages } from "./en.ts";

/** Romanian: the banner's own strings; the rest falls back to English string by string. */
export const ro: Partial<Messages> = {
  bannerLabel: "Consimțământ pentru cookie-uri",
  bannerTitle: "Cookie-uri pe {site}",
  bannerText: "Folosim cookie-uri de care site-ul are nevoie pentru a funcționa. Cu consimțământul dumneavoastră am folosi și altele, enumerate la Personalizare. Refuzul este la fel de simplu ca acceptarea și vă puteți răzgândi oricând din Setările cookie-urilor.",
  cookiePolicy: "Politica privind cookie-urile",
  privacyPolicy: "Politica de confidențialitate",
  purposes: "Scopuri",
  acceptAll: "Acceptă toate",
  rejectAll: "Respinge toate",
  customise: "Personalizare",
  saveChoices: "Salvează alegerile",
  alwaysOn: "Mereu active",
  neverUsed: "Nu sunt folosite",
  vendors: "Terți",
  cookies: "Cookie-uri",
  gpcHonoured: "Semnalul de refuz a fost respectat",
  gpcText: "Browserul dumneavoastră a trimis un semnal Global Privacy Control. Îl tratăm ca pe refuzul dumneavoastră privind vânzarea și partajarea datelor personale, așa că acestea rămân dezactivate: {categories}.",
  settingsButton: "Setările cookie-urilor",
  continueWithout: "Continuă fără a accepta",
  privacyChoices: "Opțiunile dumneavoastră de confidențialitate",
  doNotSell: "Nu vindeți și nu partajați informațiile mele personale",
};
