#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "pipeline/pipeline.h"
#include "test_support.h"

namespace vigie {
namespace {

Document analyse(const std::string& code, const std::string& text) {
  static const Pipeline pipeline(test::languages(), {});
  Document doc(text, InputFormat::Text, {"t"});
  find_paragraphs(doc);
  pipeline.analyse(doc, *test::languages().find(code));
  return doc;
}

TEST(Morphology, EveryTokenGetsALemmaAndAPartOfSpeech) {
  for (const auto& [code, text] : std::vector<std::pair<std::string, std::string>>{
           {"fr",
            "Selon HRW, des soldats maliens et des soldats étrangers blancs, qui ne parlaient pas "
            "français, ont exécuté 300 civils à Moura entre le 27 et le 31 mars."},
           {"en",
            "According to HRW, Malian soldiers and white foreign soldiers who did not speak French "
            "executed 300 civilians in Moura between March 27 and 31."}}) {
    const Document doc = analyse(code, text);
    ASSERT_GT(doc.tokens.size(), 20u);
    for (const auto& t : doc.tokens) {
      EXPECT_FALSE(t.lemma.empty()) << code << ": " << doc.token_text(t);
      EXPECT_NE(t.pos, Pos::X) << code << ": " << doc.token_text(t);
    }
  }
}

TEST(Morphology, FoldedFormsAreSetForMatching) {
  const Document doc = analyse("fr", "L’armée a tué 1\u202F200 « djihadistes » à Tillabéri.");
  EXPECT_EQ(doc.tokens[0].fold, "l'");
  EXPECT_EQ(doc.tokens[1].fold, "armee");
  EXPECT_EQ(doc.tokens[4].fold, "1 200");  // NFKC: the narrow no-break space becomes a space
  EXPECT_EQ(doc.tokens[9].fold, "tillaberi");
}

TEST(Morphology, UnknownCapitalisedWordsAreProperNouns) {
  const Document doc = analyse("fr", "Les assaillants ont attaqué Boulkessi et Mondoro.");
  EXPECT_EQ(doc.tokens[4].lemma, "Boulkessi");
  EXPECT_EQ(doc.tokens[4].pos, Pos::PROPN);
  EXPECT_EQ(doc.tokens[6].pos, Pos::PROPN);
}

TEST(Morphology, SentenceInitialCapitalIsNotANameWhenTheWordIsKnown) {
  const Document doc = analyse("en", "Gunmen attacked. Troops responded.");
  EXPECT_EQ(doc.tokens[0].lemma, "gunman");
  EXPECT_EQ(doc.tokens[3].lemma, "troop");
}

}  // namespace
}  // namespace vigie
