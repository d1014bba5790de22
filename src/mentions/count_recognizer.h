#pragma once
// Attaches quantities to what they count and what happened to it: « six soldats ont été tués »,
// « ont exécuté 300 civils », « la mort de six soldats », « 92 morts et 47 blessés »,
// "killing at least 12 people", « cinq autres blessés » (the same group as the count before).
// Groups (who) and outcomes (what) are matched on lemmas, from lang/<code>/counts.tsv.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"

namespace vigie {

class CountRecognizer {
 public:
  explicit CountRecognizer(const LanguagePack& pack);

  /// Fills doc.counts from doc.numbers and the analysed tokens.
  void annotate(Document& doc) const;

 private:
  void count(Document& doc) const;
  bool opens_clause(const Token& t) const;
  std::size_t add_articles(Document& doc) const;
  void mark_subsets(Document& doc) const;
  void drop_unused_articles(Document& doc) const;
  const std::string* who_of(const Token& t) const;
  const std::string* who_at(const Document& doc, std::uint32_t k) const;
  struct Outcome {
    std::string what;
    bool transitive = false;  // « tuer »: its active subject is the doer, not the dead
    bool total = false;       // "fatalities": the toll of the whole event, not more dead
  };
  const Outcome* what_of(const Token& t) const;

  std::unordered_map<std::string, std::string> who_;  // folded lemma or form → group
  std::unordered_map<std::string, Outcome> what_;     // folded lemma or form → outcome
  std::unordered_set<std::string> relatives_;         // « qui », "who": a clause on the group
  std::vector<std::string> participle_endings_;       // « -ant », "-ing"
  std::unordered_set<std::string> others_;            // « autres », "others", "more"
  std::unordered_set<std::string> linkers_;           // « de » in « la mort de six soldats »
  std::unordered_set<std::string> outcome_linkers_;  // « à » in « a coûté la vie à six soldats »
  bool adjectives_follow_nouns_ = false;  // « un camp militaire »: no noun compounds before
  std::vector<std::vector<std::string>> subset_cues_;  // « dont », "including": folded words
  std::unordered_set<std::string> ones_;               // « un », "a": an article that counts one
};

}  // namespace vigie
