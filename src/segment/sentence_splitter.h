#pragma once
// Sentence boundaries with ICU's BreakIterator, filtered by the language's abbreviation list
// (« M. », « Gén. », "Dr.", initials), then adjusted so that closing quotes stay with the
// sentence they close. Not thread-safe: one splitter per thread.
#include <unicode/brkiter.h>

#include <memory>
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
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace vigie
