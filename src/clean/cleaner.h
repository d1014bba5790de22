#pragma once
// Stage 1, clean: raw bytes → Document. HTML becomes article text (the document text is then
// the extracted text); plain text stays byte for byte what was read, and boilerplate lines are
// recorded as exclusions, so offsets keep pointing into the input. Both get paragraph spans.
#include "clean/boilerplate.h"
#include "clean/html_extractor.h"
#include "document/document.h"
#include "input/raw_document.h"

namespace vigie {

class Cleaner {
 public:
  explicit Cleaner(const BoilerplateFilter& boilerplate)
      : boilerplate_(boilerplate), html_(boilerplate) {}

  /// Never fails on well-formed UTF-8; a page without article text yields an empty document.
  Document clean(RawDocument raw) const;

  /// Marks boilerplate lines and fills paragraphs (exposed for tests).
  void mark_boilerplate(Document& doc) const;

 private:
  const BoilerplateFilter& boilerplate_;
  HtmlExtractor html_;
};

/// Fills doc.paragraphs with the blank-line-separated blocks outside exclusions.
void find_paragraphs(Document& doc);

}  // namespace vigie
