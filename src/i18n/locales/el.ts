import type { Messages } from "./en.ts";

/** Greek: the banner's own strings; the rest falls back to English string by string. */
export const el: Partial<Messages> = {
  bannerLabel: "Συγκατάθεση για cookies",
  bannerTitle: "Cookies στο {site}",
  bannerText: "Χρησιμοποιούμε cookies που είναι απαραίτητα για τη λειτουργία του ιστότοπου. Με τη συγκατάθεσή σας θα χρησιμοποιούσαμε και άλλα, που αναφέρονται στην Προσαρμογή. Η απόρριψη είναι εξίσου εύκολη με την αποδοχή και μπορείτε να αλλάξετε γνώμη ανά πάσα στιγμή στις Ρυθμίσεις cookies.",
  cookiePolicy: "Πολιτική cookies",
  privacyPolicy: "Πολιτική απορρήτου",
  purposes: "Σκοποί",
  acceptAll: "Αποδοχή όλων",
  rejectAll: "Απόρριψη όλων",
  customise: "Προσαρμογή",
  saveChoices: "Αποθήκευση επιλογών",
  alwaysOn: "Πάντα ενεργά",
  neverUsed: "Δεν χρησιμοποιούνται",
  vendors: "Τρίτα μέρη",
  cookies: "Cookies",
  gpcHonoured: "Το σήμα εξαίρεσης τηρήθηκε",
  gpcText: "Το πρόγραμμα περιήγησής σας έστειλε σήμα Global Privacy Control. Το θεωρούμε εξαίρεσή σας από την πώληση και την κοινοποίηση των προσωπικών σας δεδομένων, οπότε αυτά παραμένουν απενεργοποιημένα: {categories}.",
  settingsButton: "Ρυθμίσεις cookies",
  continueWithout: "Συνέχεια χωρίς αποδοχή",
  privacyChoices: "Οι επιλογές απορρήτου σας",
  doNotSell: "Μην πωλείτε ή κοινοποιείτε τα προσωπικά μου στοιχεία",
};
