#pragma once
// Finds the words that report events: verbs and nouns on their lemma (« ont tué » → tuer,
// "ambushed" → ambush) and fixed phrases as written (« frappe aérienne », "opened fire"), the
// longest phrase first, from lang/<code>/triggers.tsv. Each gets the ACLED sub-event type the
// word suggests; whether an event happened (negation, threats, background) is the event
// builder's call, not this layer's.
#include <string>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"
#include "mentions/event_taxonomy.h"
#include "mentions/phrase_matcher.h"

namespace vigie {

class Tokenizer;

class TriggerRecognizer {
 public:
  /// Throws DataError when triggers.tsv names a sub-event type the taxonomy lacks.
  TriggerRecognizer(const LanguagePack& pack, const EventTaxonomy& taxonomy, Tokenizer& tokenizer);

  /// Fills doc.triggers from the analysed tokens.
  void annotate(Document& doc) const;

 private:
  struct Phrase {
    std::string text;
    std::string sub_event_type;  // "" for a blocked phrase
    bool generic = false;
    bool cued = false;
    bool toll = false;
  };
  struct Word {
    std::string sub_event_type;
    bool generic = false;
    bool cued = false;
    bool toll = false;
  };
  PhraseMatcher phrases_;
  std::vector<Phrase> phrase_list_;
  // Lemmas as the analyser writes them (« exécuter ») and folded (« executer ») for forms, so
  // that no token is folded again here.
  std::unordered_map<std::string, Word> lemmas_, folded_lemmas_;
};

}  // namespace vigie
