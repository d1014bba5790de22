// Interface words in French and English; the language follows the browser until chosen.
"use strict";
const I18N = {
  en: {
    country: "Country", type: "Type", actor: "Actor", from: "From", to: "To", words: "Words",
    apply: "Apply", reset: "Reset", all: "all", date: "Date", event: "Event", place: "Place",
    actor1: "Actor 1", actor2: "Actor 2", assoc_actor1: "With actor 1", assoc_actor2: "With actor 2",
    dead: "Dead", source: "Source", more: "More",
    brushHint: "Drag across the weeks to filter by dates.",
    dropHere: "Drop an article (.txt, .html) to extract its events",
    dropHint: "Drop a .txt or .html article anywhere on the page to preview its events.",
    credits: "Place data: GeoNames (CC BY 4.0); boundaries: Natural Earth via world-atlas.",
    summary: (total, incidents) => `${total} records, ${incidents} incidents`,
    mapNote: (incidents, mapped, total, capped) => capped ? ` (the map shows the latest ${mapped})` :
      mapped < total ? ` (${total - mapped} ${incidents ? "incidents" : "records"} without coordinates, not on the map)` : "",
    mapShows: "Map:", mapRecords: "records", mapIncidents: "incidents",
    reportCount: (n) => `${n} report${n === 1 ? "" : "s"}`,
    fatalities: "Fatalities", location: "Location", status: "status", incident: "Incident",
    reports: (n, d) => `${n} reports from ${d} articles`, competing: "competing accounts",
    agree: "accounts agree", rule: "rule", article: "Article", evidence: "Evidence",
    accounts: "Accounts", preview: "Preview", store: "Store this article", stored: "Stored.",
    alreadyStored: "Already stored.",
    writesOff: "This server does not store articles (start it with --allow-writes).", noEvents: "No event found in this article.",
    unknown: "unknown", published: "published", confidence: "confidence", close: "Close",
    publishedOn: "Published on", reread: "Read again with this date",
    noPublished: "No publication date found: days such as \"Sunday\" or \"last week\" stay unresolved until you give one.",
  },
  fr: {
    country: "Pays", type: "Type", actor: "Acteur", from: "Du", to: "Au", words: "Mots",
    apply: "Appliquer", reset: "Effacer", all: "tous", date: "Date", event: "Événement", place: "Lieu",
    actor1: "Acteur 1", actor2: "Acteur 2", assoc_actor1: "Avec l'acteur 1", assoc_actor2: "Avec l'acteur 2",
    dead: "Morts", source: "Source", more: "Plus",
    brushHint: "Faites glisser sur les semaines pour filtrer par dates.",
    dropHere: "Déposez un article (.txt, .html) pour en extraire les événements",
    dropHint: "Déposez un article .txt ou .html n'importe où sur la page pour voir ses événements.",
    credits: "Lieux : GeoNames (CC BY 4.0) ; frontières : Natural Earth via world-atlas.",
    summary: (total, incidents) => `${total} fiches, ${incidents} incidents`,
    mapNote: (incidents, mapped, total, capped) => capped ? ` (la carte montre les ${mapped} plus récents)` :
      mapped < total ? ` (${total - mapped} ${incidents ? "incidents" : "fiches"} sans coordonnées, hors carte)` : "",
    mapShows: "Carte :", mapRecords: "fiches", mapIncidents: "incidents",
    reportCount: (n) => `${n} récit${n === 1 ? "" : "s"}`,
    fatalities: "Morts", location: "Lieu", status: "statut", incident: "Incident",
    reports: (n, d) => `${n} récits tirés de ${d} articles`, competing: "récits concurrents",
    agree: "récits concordants", rule: "règle", article: "Article", evidence: "Preuves",
    accounts: "Récits", preview: "Aperçu", store: "Enregistrer cet article", stored: "Enregistré.",
    alreadyStored: "Déjà enregistré.",
    writesOff: "Ce serveur n'enregistre pas d'articles (lancez-le avec --allow-writes).", noEvents: "Aucun événement trouvé dans cet article.",
    unknown: "inconnu", published: "publié", confidence: "confiance", close: "Fermer",
    publishedOn: "Publié le", reread: "Relire avec cette date",
    noPublished: "Aucune date de publication trouvée : « dimanche » ou « la semaine dernière » restent sans date tant que vous n'en donnez pas une.",
  },
};
// ACLED's six event types in the interface's language; the data keep ACLED's English names.
const TYPE_NAMES = {
  fr: {
    "Battles": "Batailles", "Violence against civilians": "Violence contre les civils",
    "Explosions/Remote violence": "Explosions / violence à distance", "Protests": "Manifestations",
    "Riots": "Émeutes", "Strategic developments": "Développements stratégiques",
  },
};
let lang = localStorage.getItem("vigie.lang") || ((navigator.language || "en").startsWith("fr") ? "fr" : "en");
function t(key, ...args) {
  const v = (I18N[lang] || I18N.en)[key];
  return typeof v === "function" ? v(...args) : v ?? key;
}
function typeName(type) { return (TYPE_NAMES[lang] || {})[type] || type; }
function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const b of document.querySelectorAll("#lang-switch button")) {
    b.classList.toggle("active", b.dataset.lang === lang);
  }
}
