#include <gtest/gtest.h>

#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"
#include "test_support.h"

namespace vigie {
namespace {

TEST(Tokenizer, KeepsOffsetsIntoTheOriginalText) {
  Tokenizer tok(*test::languages().find("fr"));
  const std::string text = "Préambule. L’armée a tué 1\u202F200 «\u00A0djihadistes\u00A0».";
  const Span range{11, static_cast<std::uint32_t>(text.size())};
  const auto tokens = tok.tokenize(text, range);
  std::vector<std::string> forms;
  for (const auto& t : tokens) forms.push_back(text.substr(t.span.begin, t.span.size()));
  EXPECT_EQ(forms, (std::vector<std::string>{"L’", "armée", "a", "tué", "1\u202F200", "«",
                                             "djihadistes", "»", "."}));
  EXPECT_TRUE(tokens[0].elided);
  EXPECT_FALSE(tokens[0].space_after);
  EXPECT_EQ(tokens[4].kind, TokenKind::Number);
  EXPECT_EQ(tokens[5].kind, TokenKind::Punct);
}

TEST(SentenceSplitter, WorksInsideARangeAndTrimsSpace) {
  SentenceSplitter split(*test::languages().find("fr"));
  const std::string text = "XXX   Première phrase.  Seconde phrase !  YYY";
  const auto spans = split.split(text, {3, static_cast<std::uint32_t>(text.size() - 3)});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "Première phrase.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Seconde phrase !");
}

TEST(SentenceSplitter, ClosingGuillemetsStayWithTheirSentence) {
  SentenceSplitter split(*test::languages().find("fr"));
  const std::string text = "Il a dit : « Le camp est tombé. » Puis il est parti.";
  const auto spans = split.split(text, {0, static_cast<std::uint32_t>(text.size())});
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "Il a dit : « Le camp est tombé. »");
}

}  // namespace
}  // namespace vigie
