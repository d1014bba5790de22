#pragma once
// A language pack is a folder lang/<code>/ of data files; this is its in-memory form. Nothing in
// C++ names a language: adding one is adding a folder (see docs/adding-a-language.md).
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/token.h"

namespace vigie {

/// A closed-class word with its fixed analysis (articles, pronouns, prepositions, auxiliaries).
struct FunctionWord {
  std::string lemma;
  Pos pos = Pos::X;
  std::string_view features;  ///< interned
};

/// How an auxiliary combines with a participle into a verb group.
struct Auxiliary {
  std::string lemma;  ///< "avoir", "être", "have", "be", "will"
  std::string tense;  ///< tense of the auxiliary form: present, imperfect, future, conditional
};

enum class HyphenPolicy { Keep, Split };

struct BoilerplateRule {
  enum class Kind { CaptionPrefix, CaptionMarker, DropLine, CutFromHere };
  Kind kind;
  std::string folded_pattern;
};

struct LanguagePack {
  std::string code;  ///< ISO 639-1
  std::string name;  ///< English name
  std::filesystem::path dir;
  std::string morphology;                ///< "hunspell" or "wordnet"
  std::string hunspell_dictionary;       ///< base path without .aff/.dic
  bool adjectives_follow_nouns = false;  ///< « forces armées » (fr) versus "armed forces" (en)
  std::string country_language;  ///< world-countries' key for names and demonyms: "fra", "eng"

  std::vector<std::string> abbreviations;              ///< "M.", "Gén.", "Dr."
  std::unordered_set<std::string> elisions;            ///< folded: "l'", "qu'"
  std::unordered_set<std::string> elision_exceptions;  ///< folded whole words: "aujourd'hui"
  std::vector<std::string> clitic_suffixes;            ///< folded: "-t-il", "-il"
  std::vector<std::string> contraction_suffixes;       ///< folded: "n't", "'s"
  std::unordered_set<std::string> hyphen_prefixes;     ///< kept joined when splitting: "co", "re"
  HyphenPolicy hyphens = HyphenPolicy::Keep;
  bool thousands_space = false;  ///< "1 200" is one number

  std::unordered_map<std::string, std::vector<FunctionWord>>
      function_words;                                        ///< by lower-case form
  std::unordered_map<std::string, Auxiliary> auxiliaries;    ///< by lower-case form
  std::unordered_set<std::string> passive_auxiliary_lemmas;  ///< "être", "be"
  std::unordered_set<std::string> perfect_auxiliary_lemmas;  ///< "avoir", "have"
  std::unordered_set<std::string> negators;                  ///< folded: "ne", "n'", "not", "n't"
  /// Verbs whose perfect takes the passive auxiliary (« il est arrivé » is active).
  std::unordered_set<std::string> perfect_with_passive_auxiliary;
  std::unordered_set<std::string> reflexives;  ///< folded: "se", "s'"
  /// Words that may stand inside a verb group, folded, word by word: « pour sa part ».
  std::vector<std::vector<std::string>> verb_group_asides;
  std::unordered_map<std::string, std::string> lemma_overrides;  ///< lower-case form → lemma
  std::vector<BoilerplateRule> boilerplate;

  /// Loads lang/<code>/; throws DataError naming the file and line on any problem.
  static LanguagePack load(const std::filesystem::path& dir);
};

/// All language packs found under a directory, each loaded once and shared read-only.
class LanguageRegistry {
 public:
  explicit LanguageRegistry(const std::filesystem::path& lang_root);
  const LanguagePack* find(const std::string& code) const;
  const std::vector<std::unique_ptr<LanguagePack>>& packs() const { return packs_; }
  std::vector<std::string> codes() const;
  const std::filesystem::path& root() const { return root_; }
  /// Language-independent data (data/actors.tsv): the folder `data` beside the language packs.
  std::filesystem::path data_root() const;

 private:
  std::filesystem::path root_;
  std::vector<std::unique_ptr<LanguagePack>> packs_;
};

/// Where the language packs are: $VIGIE_LANG_DIR, then next to the executable
/// (../share/vigie/lang, ../lang), then the source tree vigie was built from.
std::filesystem::path default_lang_root();

}  // namespace vigie
