#pragma once
// Finds who the words of a sentence are attributed to, from lang/<code>/attribution.tsv:
// reporting verbs (« a déclaré », "said") with their subject before or after them, prepositions
// (« selon », "according to") with the speaker after them, and pronouns that refer back to the
// last speaker (« a-t-il dit »). A country standing as speaker (« Le Mali affirme ») is its
// government. Whether the speaker is a party, and so the status of an event, is the event
// builder's call.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "gazetteer/gazetteer.h"
#include "lang/language_pack.h"
#include "mentions/actor_knowledge_base.h"
#include "mentions/phrase_matcher.h"

namespace vigie {

class Tokenizer;

class AttributionRecognizer {
 public:
  AttributionRecognizer(const LanguagePack& pack, const ActorKnowledgeBase& kb,
                        const Gazetteer* gazetteer, Tokenizer& tokenizer);

  /// Fills doc.attributions; reads the verb groups and the actor and place layers.
  void annotate(Document& doc) const;

 private:
  std::unordered_map<std::string, std::string> verbs_;  // lemma → stance
  PhraseMatcher prepositions_, acts_, unproven_;
  std::unordered_set<std::string> pronouns_, complementizers_, relatives_;  // folded
  std::vector<std::string> preposition_stances_;
  const ActorKnowledgeBase& kb_;
  const Gazetteer* gazetteer_;
};

}  // namespace vigie
