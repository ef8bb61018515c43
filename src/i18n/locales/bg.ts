import type { Messages } from "./en.ts";

/** Bulgarian: the banner's own strings; the rest falls back to English string by string. */
export const bg: Partial<Messages> = {
  bannerLabel: "Съгласие за бисквитки",
  bannerTitle: "Бисквитки в {site}",
  bannerText: "Използваме бисквитки, необходими за работата на сайта. С Вашето съгласие бихме използвали и други, изброени в „Настройки“. Отказът е толкова лесен, колкото и приемането, и можете да промените решението си по всяко време в „Настройки за бисквитки“.",
  cookiePolicy: "Политика за бисквитките",
  privacyPolicy: "Политика за поверителност",
  purposes: "Цели",
  acceptAll: "Приемане на всички",
  rejectAll: "Отхвърляне на всички",
  customise: "Настройки",
  saveChoices: "Запазване на избора",
  alwaysOn: "Винаги активни",
  neverUsed: "Не се използват",
  vendors: "Трети страни",
  cookies: "Бисквитки",
  gpcHonoured: "Сигналът за отказ е спазен",
  gpcText: "Браузърът Ви изпрати сигнал Global Privacy Control. Приемаме го като отказ от продажба и споделяне на личните Ви данни, затова тези остават изключени: {categories}.",
  settingsButton: "Настройки за бисквитки",
  continueWithout: "Продължаване без приемане",
  privacyChoices: "Вашите избори за поверителност",
  doNotSell: "Не продавайте и не споделяйте личната ми информация",
};
