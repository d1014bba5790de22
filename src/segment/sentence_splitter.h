#pragma once
// Sentence boundaries with ICU's BreakIterator, minus those after the language's abbreviations
// (« M. », « Gén. », "U.N.", initials), then adjusted so that closing quotes stay with the
// sentence they close. Not thread-safe: one splitter per thread.
#include <unicode/brkiter.h>

#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"

namespace vigie {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const LanguagePack& pack);
  ~SentenceSplitter();

  /// Sentence spans inside `range` of `text` (whitespace trimmed, never empty).
  std::vector<Span> split(std::string_view text, Span range);

  /// Fills doc.sentences (without tokens) from doc.paragraphs.
  void annotate(Document& doc);

 private:
  bool ends_with_abbreviation(std::string_view before) const;
  std::size_t number_opening_a_sentence(std::string_view piece, std::size_t b, std::size_t e) const;

  std::unique_ptr<icu::BreakIterator> iterator_;
  std::unordered_set<std::string> abbreviations_;
};

}  // namespace vigie
