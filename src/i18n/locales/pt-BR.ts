import type { Messages } from "./en.ts";

/** Brazilian Portuguese: the banner's own strings; the rest falls back to English string by string. */
export const ptBR: Partial<Messages> = {
  bannerLabel: "Consentimento de cookies",
  bannerTitle: "Cookies em {site}",
  bannerText: "Usamos cookies de que o site precisa para funcionar. Com o seu consentimento, também usaríamos outros, listados em Personalizar. Recusar é tão fácil quanto aceitar, e você pode mudar de ideia a qualquer momento em Configurações de cookies.",
  cookiePolicy: "Política de cookies",
  privacyPolicy: "Política de privacidade",
  purposes: "Finalidades",
  acceptAll: "Aceitar todos",
  rejectAll: "Rejeitar todos",
  customise: "Personalizar",
  saveChoices: "Salvar escolhas",
  alwaysOn: "Sempre ativos",
  neverUsed: "Não utilizados",
  vendors: "Terceiros",
  cookies: "Cookies",
  gpcHonoured: "Sinal de recusa respeitado",
  gpcText: "Seu navegador enviou um sinal Global Privacy Control. Nós o tratamos como sua oposição à venda e ao compartilhamento dos seus dados pessoais, por isso estes continuam desativados: {categories}.",
  settingsButton: "Configurações de cookies",
  continueWithout: "Continuar sem aceitar",
  privacyChoices: "Suas escolhas de privacidade",
  doNotSell: "Não vender nem compartilhar minhas informações pessoais",
};
