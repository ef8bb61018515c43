import type { Messages } from "./en.ts";

/** Portuguese (Portugal): the banner's own strings; the rest falls back to English string by string. */
export const pt: Partial<Messages> = {
  bannerLabel: "Consentimento de cookies",
  bannerTitle: "Cookies em {site}",
  bannerText: "Utilizamos cookies de que o site precisa para funcionar. Com o seu consentimento, utilizaríamos também outros, indicados em Personalizar. Recusar é tão fácil como aceitar, e pode mudar de ideias a qualquer momento nas Definições de cookies.",
  cookiePolicy: "Política de cookies",
  privacyPolicy: "Política de privacidade",
  purposes: "Finalidades",
  acceptAll: "Aceitar todos",
  rejectAll: "Rejeitar todos",
  customise: "Personalizar",
  saveChoices: "Guardar escolhas",
  alwaysOn: "Sempre ativos",
  neverUsed: "Não utilizados",
  vendors: "Terceiros",
  cookies: "Cookies",
  gpcHonoured: "Sinal de recusa respeitado",
  gpcText: "O seu navegador enviou um sinal Global Privacy Control. Tratamo-lo como a sua oposição à venda e partilha dos seus dados pessoais, pelo que estes permanecem desativados: {categories}.",
  settingsButton: "Definições de cookies",
  continueWithout: "Continuar sem aceitar",
  privacyChoices: "As suas escolhas de privacidade",
  doNotSell: "Não vender nem partilhar as minhas informações pessoais",
};
