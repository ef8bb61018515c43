import type { Messages } from "./en.ts";

/** Latvian: the banner's own strings; the rest falls back to English string by string. */
export const lv: Partial<Messages> = {
  bannerLabel: "Piekrišana sīkdatnēm",
  bannerTitle: "Sīkdatnes vietnē {site}",
  bannerText: "Mēs izmantojam sīkdatnes, kas nepieciešamas vietnes darbībai. Ar jūsu piekrišanu mēs izmantotu arī citas, kas uzskaitītas sadaļā Pielāgot. Atteikties ir tikpat vienkārši kā piekrist, un savu izvēli jebkurā laikā varat mainīt sīkdatņu iestatījumos.",
  cookiePolicy: "Sīkdatņu politika",
  privacyPolicy: "Privātuma politika",
  purposes: "Nolūki",
  acceptAll: "Pieņemt visas",
  rejectAll: "Noraidīt visas",
  customise: "Pielāgot",
  saveChoices: "Saglabāt izvēli",
  alwaysOn: "Vienmēr ieslēgtas",
  neverUsed: "Netiek izmantotas",
  vendors: "Trešās puses",
  cookies: "Sīkdatnes",
  gpcHonoured: "Atteikuma signāls ievērots",
  gpcText: "Jūsu pārlūks nosūtīja Global Privacy Control signālu. Mēs to uzskatām par jūsu atteikumu pārdot un kopīgot jūsu personas datus, tāpēc šīs paliek izslēgtas: {categories}.",
  settingsButton: "Sīkdatņu iestatījumi",
  continueWithout: "Turpināt bez piekrišanas",
  privacyChoices: "Jūsu privātuma izvēles",
  doNotSell: "Nepārdodiet un nekopīgojiet manu personisko informāciju",
};
