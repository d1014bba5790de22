#pragma once
// Recognises the paragraphs of a news page that are not article text: photo captions and
// credits, "read also" links, "read more" tails, newsletter prompts. The cues are data
// (lang/*/boilerplate.tsv, all languages at once: the language is not known yet when cleaning).
#include <string_view>
#include <vector>

#include "lang/language_pack.h"

namespace vigie {

class BoilerplateFilter {
 public:
  enum class Verdict { Keep, Drop, CutRest };

  explicit BoilerplateFilter(const LanguageRegistry& languages);
  explicit BoilerplateFilter(std::vector<BoilerplateRule> rules) : rules_(std::move(rules)) {}

  /// Verdict for one paragraph (a line of plain text, a block of HTML).
  Verdict classify(std::string_view paragraph) const;

 private:
  std::vector<BoilerplateRule> rules_;
};

}  // namespace vigie
