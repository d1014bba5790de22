#include "document/document.h"

#include <gtest/gtest.h>

namespace vigie {
namespace {

TEST(Document, ConvertsByteOffsetsToCodePoints) {
  const std::string text = "Ségou « Moura » " + std::string(600, 'x') + "é fin";
  Document doc(text, InputFormat::Text, {"t.txt"});
  EXPECT_EQ(doc.code_point_at(0), 0u);
  EXPECT_EQ(doc.code_point_at(3), 2u);  // after "Sé" (é is two bytes)
  const auto fin = static_cast<std::uint32_t>(text.find("fin"));
  // Every character before "fin" counted once: the index blocks must not double count.
  std::uint64_t expected = 0;
  for (std::uint32_t i = 0; i < fin; ++i)
    expected += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  EXPECT_EQ(doc.code_point_at(fin), expected);
}

TEST(Document, OffsetsOfALaterPartCountFromTheFileStart) {
  Origin origin{"big.txt", 0, 2, 1000};
  Document doc("abc", InputFormat::Text, origin);
  EXPECT_EQ(doc.code_point_at(0), 1000u);
  EXPECT_EQ(doc.code_point_at(2), 1002u);
}

TEST(Document, CleanTextLeavesOutExclusions) {
  Document doc("keep\ndrop\nkeep too", InputFormat::Text, {"t.txt"});
  doc.exclusions.push_back({{5, 10}, "caption"});
  EXPECT_EQ(doc.clean_text(), "keep\nkeep too");
  EXPECT_TRUE(doc.is_excluded({5, 9}));
  EXPECT_FALSE(doc.is_excluded({0, 4}));
  EXPECT_FALSE(doc.is_excluded({3, 7}));  // straddles the boundary
}

TEST(SpanSet, TellsWhetherASpanTouchesOneTaken) {
  // Unsorted, overlapping and empty spans, as dates and numbers of a text give them.
  const SpanSet taken({{30, 35}, {10, 14}, {12, 20}, {50, 50}});
  EXPECT_TRUE(taken.overlaps({13, 14}));   // inside the merged [10, 20)
  EXPECT_TRUE(taken.overlaps({19, 25}));   // reaches into it from the right
  EXPECT_TRUE(taken.overlaps({0, 11}));    // from the left
  EXPECT_TRUE(taken.overlaps({0, 100}));   // around all
  EXPECT_FALSE(taken.overlaps({20, 30}));  // between two, touching both ends
  EXPECT_FALSE(taken.overlaps({0, 10}));
  EXPECT_FALSE(taken.overlaps({45, 55}));  // around the empty span, which takes nothing
  EXPECT_FALSE(SpanSet({}).overlaps({0, 5}));
}

TEST(Document, FindsTheSentenceOfAToken) {
  Document doc("One two. Three four five.", InputFormat::Text, {"t.txt"});
  doc.sentences.push_back({{0, 8}, 0, 3});
  doc.sentences.push_back({{9, 25}, 3, 4});
  ASSERT_NE(doc.sentence_of(2), nullptr);
  EXPECT_EQ(doc.sentence_of(2)->first_token, 0u);
  EXPECT_EQ(doc.sentence_of(3)->first_token, 3u);
  EXPECT_EQ(doc.sentence_of(6)->first_token, 3u);
  EXPECT_EQ(doc.sentence_of(7), nullptr);  // past the last sentence
}

}  // namespace
}  // namespace vigie
