#include "clean/boilerplate.h"

#include "text/folding.h"

namespace vigie {
namespace {

// Captions and prompts are short; a long paragraph that happens to contain "REUTERS/" or to start
// with "Read more" is article text. The bounds are in words.
constexpr std::size_t kMaxCaptionWords = 60;
constexpr std::size_t kMaxPromptWords = 40;

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string_view trim_leading(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

}  // namespace

BoilerplateFilter::BoilerplateFilter(const LanguageRegistry& languages) {
  for (const auto& pack : languages.packs()) {
    rules_.insert(rules_.end(), pack->boilerplate.begin(), pack->boilerplate.end());
  }
}

BoilerplateFilter::Verdict BoilerplateFilter::classify(std::string_view paragraph) const {
  const std::string folded = fold(trim_leading(paragraph));
  const std::size_t words = word_count(folded);
  for (const auto& rule : rules_) {
    const bool starts = folded.starts_with(rule.folded_pattern);
    switch (rule.kind) {
      case BoilerplateRule::Kind::CaptionPrefix:
        if (starts && words <= kMaxCaptionWords) return Verdict::Drop;
        break;
      case BoilerplateRule::Kind::CaptionMarker:
        if (words <= kMaxCaptionWords && folded.find(rule.folded_pattern) != std::string::npos) {
          return Verdict::Drop;
        }
        break;
      case BoilerplateRule::Kind::DropLine:
        if (starts && words <= kMaxPromptWords) return Verdict::Drop;
        break;
      case BoilerplateRule::Kind::CutFromHere:
        if (starts && words <= kMaxPromptWords) return Verdict::CutRest;
        break;
    }
  }
  return Verdict::Keep;
}

}  // namespace vigie
