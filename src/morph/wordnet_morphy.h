#pragma once
// WordNet's morphology ("morphy": exception lists, then suffix rules checked against the index)
// answered from memory. WordNet's C library seeks through its index files for every probe and
// keeps global state, so it costs system calls and a process-wide lock per word; this class reads
// the same files once (memory-mapped, shared read-only by all threads) and follows the library's
// steps exactly, so it gives the same base forms in the same order (tests/wordnet_morphy_test.cc
// compares the two). Forms holding a space or an underscore (collocations, where the library
// also tries verb + preposition splits) are not handled here: `handles` says so.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigie {

class WordNetMorphy {
 public:
  /// WordNet's part-of-speech numbers, as in wn.h.
  enum Part { kNoun = 1, kVerb = 2, kAdj = 3, kAdv = 4 };

  /// Maps `dir`/index.{noun,verb,adj,adv} and `dir`/{noun,verb,adj,adv}.exc; throws DataError
  /// when an index file is missing.
  explicit WordNetMorphy(const std::string& dir);
  ~WordNetMorphy();
  WordNetMorphy(const WordNetMorphy&) = delete;
  WordNetMorphy& operator=(const WordNetMorphy&) = delete;

  /// The process-wide instance for $WNSEARCHDIR (default /usr/share/wordnet), mapped on first use.
  static const WordNetMorphy& shared();

  /// False for forms this class does not answer (a space or underscore inside, or longer than
  /// the library's 255-byte word buffer).
  static bool handles(std::string_view lower_form);

  /// Every base form the library's morphstr(form, part) then morphstr(NULL, part)… returns.
  std::vector<std::string> base_forms(std::string_view lower_form, Part part) const;

  /// The library's in_wn(form, part): `form` is an entry of that part's index.
  bool in_index(std::string_view form, Part part) const;

  /// Whether the first (most frequent) sense of the noun `lemma` is a person: its synset is
  /// filed under WordNet's noun.person ("son", "lawmaker", "youth", "herder").
  bool first_sense_is_person(std::string_view lemma) const;

  /// What the senses of `word` say it names, by how WordNet writes it in each noun synset (names
  /// capitalised, common nouns not) and the synset's lexicographer file.
  struct NameSenses {
    bool place = false;       ///< a capitalised noun.location sense ("Alexandria", "Virginia")
    bool person = false;      ///< a capitalised noun.person sense ("Henry", "Lewis")
    bool other_name = false;  ///< another capitalised sense ("Christmas")
    bool common = false;      ///< a lower-case noun sense, or a verb or adverb ("center", "most")
    bool known() const { return place || person || other_name || common; }
  };
  NameSenses name_senses(std::string_view word) const;

 private:
  struct Files;
  class Search;
  std::unique_ptr<Files> files_;
};

}  // namespace vigie
