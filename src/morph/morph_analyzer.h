#pragma once
// Stage "analyse": a lemma, a UD part of speech and features for every token, then verb groups.
// Dictionaries propose candidates per word form (cached); a small left-to-right context model
// picks one. French uses Hunspell's fr_FR (st:/po:/is: fields), English WordNet's morphology.
// Not thread-safe: one analyzer per thread.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"
#include "morph/candidate.h"

namespace vigie {

/// The dictionary behind an analyzer: all analyses of one lower-cased word form.
class Lexicon {
 public:
  virtual ~Lexicon() = default;
  virtual Candidates lookup(const std::string& lower_form) = 0;
  /// True when the lexicon lists `form` with this exact capitalisation as a proper noun.
  virtual bool is_proper_noun(const std::string& form) = 0;
  /// True when the noun `lemma` names a person in its first sense ("son", « villageois »);
  /// lexicons without word senses say false.
  virtual bool is_person(const std::string& lemma) {
    (void)lemma;
    return false;
  }
  /// What the capitalised `form` names by the lexicon's word senses; lexicons without word
  /// senses say nothing (all false).
  virtual NameSenses name_senses(const std::string& form) {
    (void)form;
    return {};
  }
};

/// Hunspell with the pack's dictionary (lang/xx/language.tsv: hunspell_dictionary).
std::unique_ptr<Lexicon> make_hunspell_lexicon(const LanguagePack& pack);
/// WordNet 3.0 from Debian's wordnet-base (WNSEARCHDIR, default /usr/share/wordnet).
std::unique_ptr<Lexicon> make_wordnet_lexicon(const LanguagePack& pack);

class MorphAnalyzer {
 public:
  explicit MorphAnalyzer(const LanguagePack& pack);
  ~MorphAnalyzer();

  /// Sets fold, lemma, pos and features of every token of `doc`, then its verb groups.
  void annotate(Document& doc);

  /// Analyses of one surface form, from function words, overrides and the lexicon (cached).
  const Analyses& analyses(std::string_view form, bool sentence_initial);

 private:
  // Heterogeneous look-up: a token's text is found without building a std::string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Cache = std::unordered_map<std::string, Analyses, Hash, std::equal_to<>>;

  Candidates lookup_candidates(const std::string& form, bool sentence_initial);
  void analyze_sentence(Document& doc, const Sentence& sentence);
  /// How many words of an aside (« pour sa part ») start at token `at`; 0 for none.
  std::uint32_t aside_at(const Document& doc, std::uint32_t at, std::uint32_t end) const;
  void find_verb_groups(Document& doc, const Sentence& sentence);

  const LanguagePack& pack_;
  std::unique_ptr<Lexicon> lexicon_;
  Cache cache_;          // node-based: references stay valid while it grows
  Cache initial_cache_;  // sentence-initial forms, where a capital does not make a name
  std::vector<const Analyses*> sentence_analyses_;  // scratch, reused across sentences
};

}  // namespace vigie
