#pragma once
// Recognises actors and resolves them to canonical names: names and acronyms in the language
// (« GSIM », "JNIM", « FAMa »: lang/<code>/actor_aliases.tsv), descriptions built on the demonyms
// and names of every country (« l'armée malienne », « des soldats maliens », "Nigerien troops",
// "Mali's army": lang/<code>/actor_descriptions.tsv), descriptions whose country comes from the
// document (« des villageois », "gunmen", « les terroristes »), foreign forces (linked to Wagner
// Group only when the document names it) and words that refer back (« le groupe », "the group").
// Not thread-safe (it shares the per-thread tokenizer): one recogniser per thread.
#include <optional>
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

class ActorRecognizer {
 public:
  /// `gazetteer` gives the countries whose forces are described; without one only named actors
  /// and descriptions without a country are recognised.
  ActorRecognizer(const LanguagePack& pack, const ActorKnowledgeBase& kb,
                  const Gazetteer* gazetteer, Tokenizer& tokenizer);

  /// Fills doc.actors; reads doc.places for the document's main country.
  void annotate(Document& doc) const;

 private:
  // What a matched phrase stands for.
  struct Target {
    enum class Source { Named, Generic, Anaphor } source = Source::Named;
    std::string name;                          // Named: canonical name
    ActorKind kind = ActorKind::Unidentified;  // Generic
    std::string country;                       // Generic: "" = from the document
    bool group_anaphor = true;                 // Anaphor: refers to a group (else to a force)
    std::string rule;
  };

  void add_descriptions(const LanguagePack& pack, const Gazetteer* gazetteer, Tokenizer& tokenizer);
  /// "Fulani militiamen", "a Zamfara militia", « des miliciens peuls »: militias named after a
  /// people or a first-level area, in ACLED's naming.
  void add_militias(Document& doc, const Country* main) const;
  std::optional<Span> place_of_unit(const Document& doc, std::uint32_t first,
                                    std::uint32_t end) const;
  std::uint32_t add_target(Target t);

  const ActorKnowledgeBase& kb_;
  const Gazetteer* gazetteer_;
  std::vector<Target> targets_;
  PhraseMatcher matcher_;
  // Words for a militia (lang/<code>/actor_descriptions.tsv, militia_word), and whether the
  // name stands before them ("Fulani militia") or after (« milice peule »).
  // Where a militia word finds whose militia it is: the word before it names a people or an
  // area ("Fulani militiamen", "Zamfara militia"), or the word after it (« milices peules »); or
  // that word names a people only ("Fulani gunmen", « assaillants peuls »: never "Zamfara gunmen").
  // PeopleBeforeArmed: a people's name before the word, with an arming word (actor_descriptions.tsv
  // arming_word) before the name ("armed Fulani pastoralists"); herders named alone stay civilians.
  enum class MilitiaName { Before, After, PeopleBefore, PeopleAfter, PeopleBeforeArmed };
  std::unordered_map<std::string, MilitiaName> militia_words_;
  std::unordered_set<std::string> arming_words_;  // "armed" before a people: PeopleBeforeArmed
};

}  // namespace vigie
