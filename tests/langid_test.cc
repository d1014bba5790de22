#include <gtest/gtest.h>

#include "langid/language_identifier.h"
#include "test_support.h"

namespace vigie {
namespace {

TEST(LanguageIdentifier, ParagraphsGoToCld2) {
  LanguageIdentifier id(test::languages());
  const auto fr = id.identify(
      "Des hommes armés ont attaqué dimanche un poste de l'armée malienne dans la région de Mopti, "
      "tuant au moins six soldats, selon des sources sécuritaires. L'attaque n'a pas été "
      "revendiquée, "
      "mais elle porte la marque des groupes jihadistes actifs dans le centre du pays.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_EQ(fr.method, "cld2");
  const auto en = id.identify(
      "Gunmen attacked an army post in central Mali on Sunday, killing at least six soldiers, "
      "security sources said. No group has claimed responsibility for the attack, which bears the "
      "hallmarks of jihadist groups active in the region.");
  EXPECT_EQ(en.code, "en");
}

TEST(LanguageIdentifier, ShortHeadlinesUseFrequentWords) {
  LanguageIdentifier id(test::languages());
  // CLD2 alone calls the first one English.
  EXPECT_EQ(id.identify("Boko Haram attaque Maiduguri").code, "fr");
  EXPECT_EQ(id.identify("Six soldats tués près de Djibo").code, "fr");
  EXPECT_EQ(id.identify("Gunmen kill six soldiers near Djibo").code, "en");
  EXPECT_EQ(id.identify("L'armée dément").code, "fr");
  EXPECT_EQ(id.identify("Boko Haram attaque Maiduguri").method, "frequent-words");
}

TEST(LanguageIdentifier, NothingToGoOnIsUndetermined) {
  LanguageIdentifier id(test::languages());
  EXPECT_EQ(id.identify("Ouagadougou Bamako Niamey").code, "und");
  EXPECT_EQ(id.identify("2022-04-25").code, "und");
  EXPECT_EQ(id.identify("Ouagadougou Bamako Niamey", "fr").code,
            "fr");  // page's <html lang> breaks the tie
}

}  // namespace
}  // namespace vigie
