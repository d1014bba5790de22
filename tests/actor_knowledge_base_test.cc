#include "mentions/actor_knowledge_base.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "util/tsv.h"

namespace vigie {
namespace {

const ActorKnowledgeBase& kb() {
  static const ActorKnowledgeBase base(test::source_dir() / "data" / "actors.tsv");
  return base;
}

TEST(ActorKnowledgeBase, RenamedActorsFollowThePublicationYear) {
  EXPECT_EQ(kb().as_of("Wagner Group", 2022)->name, "Wagner Group");
  EXPECT_EQ(kb().as_of("Wagner Group", 2024)->name, "Wagner Group");
  EXPECT_EQ(kb().as_of("Wagner Group", 2025)->name, "Africa Corps");
  EXPECT_EQ(kb().as_of("Wagner Group", 0)->name, "Wagner Group");  // no date: as named
  EXPECT_EQ(kb().as_of("Islamic State (Greater Sahara)", 2023)->name, "Islamic State (Sahel)");
  EXPECT_EQ(kb().as_of("No Such Group", 2023), nullptr);
}

TEST(ActorKnowledgeBase, GeneratesEachCountrysActorsInAcledStyle) {
  Country mali;
  mali.code = "ML";
  mali.name_en = "Mali";
  EXPECT_EQ(kb().generic(ActorKind::Military, &mali).name, "Military Forces of Mali");
  EXPECT_EQ(kb().generic(ActorKind::Civilians, &mali).name, "Civilians (Mali)");
  EXPECT_EQ(kb().generic(ActorKind::Civilians, &mali).inter, 7);
  EXPECT_EQ(kb().generic(ActorKind::Unidentified, &mali).name, "Unidentified Armed Group (Mali)");
  EXPECT_EQ(kb().generic(ActorKind::Unidentified, nullptr).name, "Unidentified Armed Group");
  EXPECT_EQ(kb().generic(ActorKind::Foreign, &mali).country, "");
  // ACLED's names of countries, where world-countries' differ (data/acled_countries.tsv).
  Country turkey;
  turkey.code = "TR";
  turkey.name_en = "Türkiye";
  EXPECT_EQ(kb().generic(ActorKind::Military, &turkey).name, "Military Forces of Turkey");
  Country czechia;
  czechia.code = "CZ";
  czechia.name_en = "Czechia";
  EXPECT_EQ(kb().generic(ActorKind::Protesters, &czechia).name, "Protesters (Czech Republic)");
  Country us;
  us.code = "US";
  us.name_en = "United States";
  EXPECT_EQ(kb().generic(ActorKind::Police, &us).name, "Police Forces of the United States");
  EXPECT_EQ(kb().generic(ActorKind::Civilians, &us).name, "Civilians (United States)");
}

TEST(ActorKnowledgeBase, ABadRowNamesItsFileAndLine) {
  test::TempDir dir;
  test::write_file(dir / "actors.tsv",
                   "# comment\nGood Group\trebel_group\t2\tML\nBad Group\trebel_group\t9\tML\n");
  try {
    ActorKnowledgeBase bad(dir / "actors.tsv");
    FAIL() << "accepted an inter code of 9";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "actors.tsv").string() + ":3: inter code must be 1 to 8");
  }
}

}  // namespace
}  // namespace vigie
