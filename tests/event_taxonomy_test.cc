// data/event_types.tsv: ACLED's taxonomy with its PLOVER and CAMEO counterparts.
#include "mentions/event_taxonomy.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"
#include "util/tsv.h"

namespace vigie {
namespace {

TEST(EventTaxonomy, HoldsAcledSixTypesAndTwentyFiveSubTypes) {
  const EventTaxonomy taxonomy(test::languages().data_root() / "event_types.tsv");
  std::set<std::string> types;
  for (const auto& k : taxonomy.kinds()) types.insert(k.event_type);
  EXPECT_EQ(types, (std::set<std::string>{"Battles", "Explosions/Remote violence",
                                          "Violence against civilians", "Protests", "Riots",
                                          "Strategic developments"}));
  EXPECT_EQ(taxonomy.kinds().size(), 25u);

  const EventKind* strike = taxonomy.find("Air/drone strike");
  ASSERT_NE(strike, nullptr);
  EXPECT_EQ(strike->event_type, "Explosions/Remote violence");
  EXPECT_EQ(strike->plover, "ASSAULT");
  EXPECT_EQ(strike->cameo_root, "19");
  const EventKind* protest = taxonomy.find("Peaceful protest");
  ASSERT_NE(protest, nullptr);
  EXPECT_EQ(protest->plover, "PROTEST");
  EXPECT_EQ(protest->cameo_root, "14");
  const EventKind* other = taxonomy.find("Other");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->plover, "");                      // "-" in the file: no counterpart
  EXPECT_EQ(taxonomy.find("Armed Clash"), nullptr);  // ACLED's exact spelling only
}

TEST(EventTaxonomy, RejectsARowWithoutItsCodes) {
  test::TempDir dir;
  test::write_file(dir / "event_types.tsv", "Battles\tArmed clash\tASSAULT\n");
  EXPECT_THROW(EventTaxonomy(dir / "event_types.tsv"), DataError);
}

TEST(EventTaxonomy, KnowsWhereViolenceNeedsASideAndRejectsABadScopeRow) {
  const EventTaxonomy taxonomy(test::languages().data_root() / "event_types.tsv");
  EXPECT_TRUE(taxonomy.violence_needs_a_side("US"));
  EXPECT_TRUE(taxonomy.violence_needs_a_side("FR"));
  EXPECT_FALSE(taxonomy.violence_needs_a_side("ML"));
  EXPECT_FALSE(taxonomy.violence_needs_a_side("MX"));  // ACLED codes gang violence there

  test::TempDir dir;
  test::write_file(dir / "event_types.tsv", "Battles\tArmed clash\tASSAULT\tfirearms\t19\n");
  test::write_file(dir / "coding_scope.tsv", "USA\tUnited States\n");
  try {
    EventTaxonomy bad(dir / "event_types.tsv");
    ADD_FAILURE() << "a three-letter code was accepted";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("coding_scope.tsv:1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace vigie
