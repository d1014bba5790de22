#pragma once
// Which language pack a document needs. CLD2 decides on paragraphs of text; on short texts
// (headlines, captions) it is often wrong, so below a length, or when CLD2 is unsure, vigie
// counts each pack's frequent words (function_words.tsv and langid_words.txt) instead.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "document/document.h"
#include "lang/language_pack.h"

namespace vigie {

class LanguageIdentifier {
 public:
  /// How much of a text identification reads: enough for CLD2 to be sure on news text, and
  /// reading whole articles made CLD2 a third of the warm per-document time.
  static constexpr std::size_t kSampleBytes = 4 * 1024;

  explicit LanguageIdentifier(const LanguageRegistry& languages);

  /// Identifies the language of `text` from its first kSampleBytes; `hint` (e.g. <html lang>)
  /// breaks ties.
  LanguageGuess identify(std::string_view text, std::string_view hint = {}) const;

  /// The word-count fallback alone (exposed for tests).
  LanguageGuess by_frequent_words(std::string_view text) const;

 private:
  std::unordered_map<std::string, std::unordered_set<std::string>> frequent_words_;  // by code
};

}  // namespace vigie
