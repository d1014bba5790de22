#include "util/utf8.h"

#include <gtest/gtest.h>

namespace vigie::utf8 {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_FALSE(first_invalid_byte("Ségou, « Tillabéri » — 1 200 €"));
  EXPECT_FALSE(first_invalid_byte(""));
  EXPECT_FALSE(first_invalid_byte("\xF0\x9F\x98\x80 emoji"));
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  struct Case {
    std::string bytes;
    std::size_t offset;
  };
  const Case cases[] = {
      {"abc\xFF", 3},                       // never valid
      {"ab\xC3", 2},                        // truncated sequence
      {"x\xC0\xAF", 1},                     // overlong '/'
      {"\xED\xA0\x80 surrogate", 0},        // UTF-16 surrogate
      {"ok \xF4\x90\x80\x80", 3},           // above U+10FFFF
      {"Mal\xE9 latin-1", 3},               // ISO-8859-1 é
      {std::string(20, 'a') + "\x80", 20},  // after the ASCII fast path
  };
  for (const auto& c : cases) {
    auto bad = first_invalid_byte(c.bytes);
    ASSERT_TRUE(bad) << c.bytes;
    EXPECT_EQ(*bad, c.offset) << c.bytes;
  }
}

TEST(Utf8, CountsCodePointsAndLines) {
  EXPECT_EQ(count_code_points("Ségou"), 5u);
  EXPECT_EQ(count_code_points("«»"), 2u);
  const auto lc = line_column("a\nbé\nc", 5);  // the byte after "bé"
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 3u);
}

TEST(Utf8, SafePrefixNeverCutsASequence) {
  const std::string s = "aé";  // 'a' then two bytes
  EXPECT_EQ(safe_prefix_length(s, 2), 1u);
  EXPECT_EQ(safe_prefix_length(s, 3), 3u);
}

TEST(Utf8, RoundTripsThroughDecodeAndAppend) {
  const std::string s = "Ségou « 𝔸 »";
  std::string rebuilt;
  for (std::size_t pos = 0; pos < s.size();) append(rebuilt, decode(s, pos));
  EXPECT_EQ(rebuilt, s);
}

}  // namespace
}  // namespace vigie::utf8
