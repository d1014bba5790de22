#pragma once
// Article text and metadata from a news page (gumbo): title and body paragraphs, without
// scripts, navigation, share bars, related-article lists, captions, credits and prompts.
#include <optional>
#include <string>
#include <string_view>

#include "clean/boilerplate.h"

namespace vigie {

struct ExtractedArticle {
  std::string text;  ///< title, then paragraphs, separated by blank lines
  std::optional<std::string> title;
  std::optional<std::string> published;  ///< YYYY-MM-DD
  std::optional<std::string> source;
  std::optional<std::string> url;
  std::optional<std::string> lang;  ///< <html lang>, primary subtag
};

class HtmlExtractor {
 public:
  explicit HtmlExtractor(const BoilerplateFilter& boilerplate) : boilerplate_(boilerplate) {}
  ExtractedArticle extract(std::string_view html) const;

 private:
  const BoilerplateFilter& boilerplate_;
};

}  // namespace vigie
