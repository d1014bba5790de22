#pragma once
// The words around an event word that tell who did what to whom, from lang/<code>/roles.tsv:
// « par » / "by" before the doer, « contre » / "against" before a target, « avec », « et »,
// "alongside" before an actor joining another, verbs whose subject suffers the event their
// object names (« a frappé un engin explosif »), and the first person of a quoted speaker.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "document/document.h"
#include "lang/language_pack.h"
#include "mentions/phrase_matcher.h"
#include "text/folding.h"

namespace vigie {

class Tokenizer;

enum class RoleCue : std::uint8_t { None, Agent, Target, With, Of, Between };

class RoleLexicon {
 public:
  /// Reads lang/<code>/roles.tsv (an absent file leaves every list empty).
  RoleLexicon(const LanguagePack& pack, Tokenizer& tokenizer);

  /// The cue whose words end right before token `at` (or before adjectives that precede it:
  /// « par de présumés jihadistes », "by suspected militants"), not reaching before `from`.
  RoleCue cue_before(const Document& doc, std::uint32_t at, std::uint32_t from) const;

  bool undergoes(const std::string& lemma) const { return undergo_.count(lemma) > 0; }
  bool opposes(const std::string& lemma) const { return oppose_.count(lemma) > 0; }
  /// A verb whose sides are each other's ("clashed", "fought"): the actor joined to the subject
  /// by an `other_side` word ("and", "with") is the other side, not an ally.
  bool reciprocal(const std::string& lemma) const { return reciprocal_.count(lemma) > 0; }
  bool other_side(const std::string& folded) const { return other_side_.count(folded) > 0; }
  bool first_person(const std::string& folded) const { return first_person_.count(folded) > 0; }
  bool refers_back(const std::string& folded) const { return refers_back_.count(folded) > 0; }
  /// A word before an event noun that makes it another event than those told (« une autre
  /// frappe », "another attack").
  bool another(const std::string& folded) const { return another_.count(folded) > 0; }
  bool territory(const std::string& folded) const { return territory_.count(folded) > 0; }
  bool negative(const std::string& folded) const { return negative_.count(folded) > 0; }
  /// A place or people that only civilians are ("village", "market", « marché »).
  bool civilian_target(const std::string& word) const { return civilian_targets_.count(word) > 0; }
  /// A word before an event noun that says it has not happened ("a planned protest").
  bool unrealized(const std::string& folded) const { return unrealized_.count(folded) > 0; }
  /// A verb or noun whose object event has not happened yet ("plans a series of protests",
  /// "called for rallies", « menace d'une attaque »).
  bool plans(const std::string& lemma) const { return plans_.count(lemma) > 0; }
  bool breaks_clause(const std::string& folded) const { return clause_breaks_.count(folded) > 0; }
  /// A word that opens a subordinate clause of time or cause ("when", « lorsque »).
  bool subordinates(const std::string& folded) const { return subordinators_.count(folded) > 0; }
  bool seizes_goods(const std::string& lemma) const { return seize_.count(lemma) > 0; }
  /// A word that opens a clause of purpose before an infinitive ("to", « pour »).
  bool purpose(const std::string& folded) const { return purpose_.count(folded) > 0; }
  /// A word an infinitive follows ("to", « de », « pour »); after another preposition the same
  /// form is a noun ("in protest").
  bool infinitive_marker(const std::string& folded) const {
    return infinitive_markers_.count(folded) > 0;
  }
  /// A verb or noun whose infinitive complement was not done ("urged to arrest", "an attempt to").
  bool aims(const std::string& lemma) const { return aim_.count(lemma) > 0; }
  /// People who, doing violence, are a crowd and not an armed group ("students", "traders").
  bool unarmed_doer(const std::string& lemma) const {
    return unarmed_doers_.count(fold(lemma)) > 0;
  }
  /// A word that arms the people near it ("armed", "machetes", « armés »).
  bool armed_word(const std::string& folded) const { return armed_words_.count(folded) > 0; }
  /// Whether words between tokens [first, end) say the incident was told before (« le même
  /// jour », "in the same area").
  bool tells_again(const Document& doc, std::uint32_t first, std::uint32_t end) const;

 private:
  static constexpr std::uint32_t kLongestCue = 4;  // words
  PhraseMatcher cues_, same_incident_;
  std::unordered_set<std::string> undergo_, first_person_, refers_back_, territory_, negative_,
      seize_, clause_breaks_, oppose_, purpose_, aim_, plans_, infinitive_markers_, unrealized_,
      civilian_targets_, unarmed_doers_, armed_words_, reciprocal_, other_side_, subordinators_,
      another_;
};

}  // namespace vigie
