#pragma once
// Finds the words that report events: verbs and nouns on their lemma (« ont tué » → tuer,
// "ambushed" → ambush) and fixed phrases as written (« frappe aérienne », "opened fire"), the
// longest phrase first, and verbs whose object names the event a few words on ("set 29 houses on
// fire"), from lang/<code>/triggers.tsv. Each gets the ACLED sub-event type the
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
  // Frames: a verb whose event its object or particle names a few words on ("set the houses on
  // fire", "fired a shell at"): the verb's lemma → the frames it opens, and their closing words.
  struct Frame {
    std::string verb, closing, sub_event_type;
  };
  std::vector<Frame> frames_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> frames_by_verb_;
  PhraseMatcher frame_closings_;  // payload: index into frames_
  const Frame* frame_at(const Document& doc, std::uint32_t verb, std::uint32_t end) const;
  // Lemmas as the analyser writes them (« exécuter ») and folded (« executer ») for forms, so
  // that no token is folded again here.
  std::unordered_map<std::string, Word> lemmas_, folded_lemmas_;
};

}  // namespace vigie
