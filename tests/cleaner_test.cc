#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vigie {
namespace {

class CleanerTest : public ::testing::Test {
 protected:
  BoilerplateFilter filter_{test::languages()};
  Cleaner cleaner_{filter_};

  Document clean_text(const std::string& text) {
    RawDocument raw;
    raw.bytes = text;
    raw.origin.path = "t.txt";
    return cleaner_.clean(raw);
  }
};

TEST_F(CleanerTest, ExampleArticleLosesCaptionAndTailButKeepsOffsets) {
  SKIP_WITHOUT_SHARED();
  const std::string original =
      test::read_file(test::shared_dir() / "examples/mali-wagner-moura.fr.txt");
  Document doc = clean_text(original);
  EXPECT_EQ(doc.text(), original) << "plain text must stay byte for byte the input";
  ASSERT_EQ(doc.exclusions.size(), 2u);
  EXPECT_EQ(doc.slice(doc.exclusions[0].span).substr(0, 11), "FILE PHOTO:");
  EXPECT_EQ(doc.slice(doc.exclusions[1].span), "Continuez à lire :");
  const std::string clean = doc.clean_text();
  EXPECT_EQ(clean.find("REUTERS"), std::string::npos);
  EXPECT_EQ(clean.find("Continuez"), std::string::npos);
  EXPECT_NE(clean.find("(Avec des informations de l'AFP)"), std::string::npos);
  // Paragraphs skip the exclusions and never cross them.
  for (const auto& p : doc.paragraphs) EXPECT_FALSE(doc.is_excluded(p)) << doc.slice(p);
  EXPECT_EQ(doc.slice(doc.paragraphs.front()).substr(0, 35), "La plus grande coalition djihadiste");
}

TEST_F(CleanerTest, AReadMoreLineCutsOnlyAShortTail) {
  std::string later;
  for (int i = 0; i < 40; ++i)
    later +=
        "Deuxième article, paragraphe " + std::to_string(i) + " : des tirs ont été entendus.\n\n";
  Document doc = clean_text("Premier article.\n\nContinuez à lire :\n\n" + later);
  ASSERT_EQ(doc.exclusions.size(), 1u);
  EXPECT_EQ(doc.slice(doc.exclusions[0].span), "Continuez à lire :\n\n");
  EXPECT_EQ(doc.paragraphs.size(),
            41u);  // the first article and all 40 paragraphs after the prompt

  Document tail = clean_text("Premier article.\n\nContinuez à lire :\nMali : un autre titre\n");
  ASSERT_EQ(tail.exclusions.size(), 1u);
  EXPECT_EQ(tail.slice(tail.exclusions[0].span), "Continuez à lire :\nMali : un autre titre\n");
  EXPECT_EQ(tail.paragraphs.size(), 1u);
}

TEST_F(CleanerTest, ParagraphsAreSeparatedByBlankLines) {
  Document doc = clean_text("  Titre\n\nPremière ligne\nsuite du paragraphe.\n \nDernier.\n");
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.slice(doc.paragraphs[0]), "Titre");
  EXPECT_EQ(doc.slice(doc.paragraphs[1]), "Première ligne\nsuite du paragraphe.");
  EXPECT_EQ(doc.slice(doc.paragraphs[2]), "Dernier.");
}

TEST_F(CleanerTest, BoilerplateVerdicts) {
  using V = BoilerplateFilter::Verdict;
  const std::pair<const char*, V> cases[] = {
      {"FILE PHOTO: Malian soldiers on patrol near Gao, Mali, May 3, 2022. REUTERS/Staff", V::Drop},
      {"Photo : des soldats maliens à Gao, le 3 mai 2022.", V::Drop},
      {"Lire aussi : Mali, la junte expulse l'ambassadeur de France", V::Drop},
      {"À lire aussi", V::Drop},
      {"Sign up for our weekly Africa newsletter", V::Drop},
      {"Continuez à lire :", V::CutRest},
      {"Related articles", V::CutRest},
      {"More on this story", V::CutRest},
      // Article text that merely mentions the cue words stays.
      {"Selon des photos publiées par REUTERS/TV, des soldats maliens ont été vus à Moura le 29 "
       "mars, "
       "ce que l'armée dément. Les images, authentifiées par plusieurs experts indépendants "
       "consultés par l'agence, montrent des corps alignés près du marché. La junte n'a pas réagi "
       "à ces accusations, qui s'ajoutent aux témoignages recueillis par Human Rights Watch "
       "auprès de rescapés et de proches des victimes dans la région de Mopti.",
       V::Keep},
      {"The army said it would read more carefully the reports from the north.", V::Keep},
      {"Six soldats ont été tués dimanche.", V::Keep},
  };
  for (const auto& [text, verdict] : cases) EXPECT_EQ(filter_.classify(text), verdict) << text;
}

}  // namespace
}  // namespace vigie
