import type { Messages } from "./en.ts";

/** Irish: the banner's own strings; the rest falls back to English string by string. */
export const ga: Partial<Messages> = {
  bannerLabel: "Toiliú fianán",
  bannerTitle: "Fianáin ar {site}",
  bannerText: "Úsáidimid fianáin a theastaíonn chun go n-oibreoidh an suíomh. Le do thoiliú, d’úsáidfimis fianáin eile freisin, atá liostaithe faoi Saincheap. Tá sé chomh héasca diúltú agus atá sé glacadh, agus is féidir leat d’intinn a athrú am ar bith faoi Socruithe fianán.",
  cookiePolicy: "Beartas fianán",
  privacyPolicy: "Beartas príobháideachais",
  purposes: "Cuspóirí",
  acceptAll: "Glac le gach ceann",
  rejectAll: "Diúltaigh do gach ceann",
  customise: "Saincheap",
  saveChoices: "Sábháil roghanna",
  alwaysOn: "Ar siúl i gcónaí",
  neverUsed: "Ní úsáidtear",
  vendors: "Tríú páirtithe",
  cookies: "Fianáin",
  gpcHonoured: "Comhartha diúltaithe urramaithe",
  gpcText: "Sheol do bhrabhsálaí comhartha Global Privacy Control. Caithimid leis mar do dhiúltú do dhíol agus do chomhroinnt do shonraí pearsanta, mar sin fanann siad seo múchta: {categories}.",
  settingsButton: "Socruithe fianán",
  continueWithout: "Lean ar aghaidh gan glacadh",
  privacyChoices: "Do Roghanna Príobháideachais",
  doNotSell: "Ná díol ná comhroinn m’fhaisnéis phearsanta",
};
