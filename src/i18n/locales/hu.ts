import type { Messages } from "./en.ts";

/** Hungarian: the banner's own strings; the rest falls back to English string by string. */
export const hu: Partial<Messages> = {
  bannerLabel: "Sütihozzájárulás",
  bannerTitle: "Sütik a(z) {site} oldalon",
  bannerText: "Olyan sütiket használunk, amelyek az oldal működéséhez szükségesek. Hozzájárulásával másokat is használnánk, ezeket a Testreszabás alatt soroljuk fel. Az elutasítás ugyanolyan egyszerű, mint az elfogadás, és döntését bármikor megváltoztathatja a Sütibeállításokban.",
  cookiePolicy: "Sütiszabályzat",
  privacyPolicy: "Adatvédelmi tájékoztató",
  purposes: "Célok",
  acceptAll: "Összes elfogadása",
  rejectAll: "Összes elutasítása",
  customise: "Testreszabás",
  saveChoices: "Választás mentése",
  alwaysOn: "Mindig aktív",
  neverUsed: "Nem használt",
  vendors: "Harmadik felek",
  cookies: "Sütik",
  gpcHonoured: "Leiratkozási jelzés figyelembe véve",
  gpcText: "Böngészője Global Privacy Control jelzést küldött. Ezt úgy kezeljük, hogy tiltakozik személyes adatai eladása és megosztása ellen, ezért ezek kikapcsolva maradnak: {categories}.",
  settingsButton: "Sütibeállítások",
  continueWithout: "Folytatás elfogadás nélkül",
  privacyChoices: "Adatvédelmi beállításai",
  doNotSell: "Ne adják el és ne osszák meg a személyes adataimat",
};
