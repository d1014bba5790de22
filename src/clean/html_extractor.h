#pragma once
// Article text and metadata from a web page in any language (gumbo): the headline, then the
// article's paragraphs as clean/main_content.h finds them, without scripts, navigation, share
// bars, related-article lists, captions, credits and prompts; the page's own schema.org
// articleBody stands in when the page shows much less of the article than it declares.
#include <optional>
#include <string>
#include <string_view>

#include "clean/boilerplate.h"

namespace vigie {

struct ExtractedArticle {
  std::string text;                ///< headline, then paragraphs, separated by blank lines
  std::size_t headline_bytes = 0;  ///< length of the headline at the start of text (0: none)
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
