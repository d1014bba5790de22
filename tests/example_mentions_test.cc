// The example article (shared/examples): every actor, place, date and count its hand-coded events
// rely on is found and resolved.
#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "test_support.h"

namespace vigie {
namespace {

class ExampleArticle : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_SHARED();
    pipeline_ = test::pipeline_with_gazetteer("2022-04-25");
    if (!pipeline_) GTEST_SKIP() << "no gazetteer inputs";
    gazetteer_ = test::test_gazetteer();
    RawDocument raw;
    raw.bytes = test::read_file(test::shared_dir() / "examples/mali-wagner-moura.fr.txt");
    raw.origin.path = "mali.txt";
    auto r = pipeline_->process(raw);
    ASSERT_TRUE(r.doc);
    doc_ = std::move(*r.doc);
  }

  // The first mention of a layer whose text is `text` in the sentence holding `context`.
  template <class Mention>
  const Mention* in_sentence(const std::vector<Mention>& layer, std::string_view context,
                             std::string_view text) {
    const auto at = doc_.text().find(context);
    EXPECT_NE(at, std::string::npos) << context;
    for (const auto& s : doc_.sentences) {
      if (s.span.begin > at || s.span.end < at) continue;
      for (const auto& m : layer) {
        if (s.span.contains(m.span) && doc_.slice(m.span) == text) return &m;
      }
    }
    return nullptr;
  }

  const Gazetteer* gazetteer_ = nullptr;
  std::unique_ptr<Pipeline> pipeline_;
  Document doc_;
};

TEST_F(ExampleArticle, MouraMassacre) {
  const std::string key = "ont exécuté 300 civils";
  const auto* date = in_sentence(doc_.dates, key, "entre le 27 et le 31 mars");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->start, "2022-03-27");
  EXPECT_EQ(date->end, "2022-03-31");
  const auto* place = in_sentence(doc_.places, key, "Moura");
  ASSERT_TRUE(place && place->place);
  EXPECT_EQ(gazetteer_->place(*place->place).geonameid, 2453345);
  EXPECT_EQ(gazetteer_->admin1_name("ML", gazetteer_->place(*place->place).admin1), "Mopti");
  const auto* soldiers = in_sentence(doc_.actors, key, "des soldats maliens");
  ASSERT_TRUE(soldiers);
  EXPECT_EQ(soldiers->name, "Military Forces of Mali");
  const auto* foreign = in_sentence(doc_.actors, key, "des soldats étrangers");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->name, "Wagner Group");
  const auto* civilians = in_sentence(doc_.actors, key, "civils");
  ASSERT_TRUE(civilians);
  EXPECT_EQ(civilians->name, "Civilians (Mali)");
  const auto* hrw = in_sentence(doc_.actors, key, "HRW");
  ASSERT_TRUE(hrw);
  EXPECT_EQ(hrw->name, "Human Rights Watch");
  bool count = false;
  for (const auto& c : doc_.counts) {
    count =
        count || (doc_.numbers[c.number].best == 300 && c.what == "killed" && c.who == "civilians");
  }
  EXPECT_TRUE(count);
}

TEST_F(ExampleArticle, ArmyAccountAtMoura) {
  const std::string key = "203 djihadistes";
  const auto* place = in_sentence(doc_.places, key, "Moura");
  ASSERT_TRUE(place && place->place);
  EXPECT_EQ(gazetteer_->place(*place->place).geonameid, 2453345);
  bool count = false;
  for (const auto& c : doc_.counts)
    count = count || (doc_.numbers[c.number].best == 203 && c.what == "killed");
  EXPECT_TRUE(count);
  const auto* jihadists = in_sentence(doc_.actors, key, "djihadistes");
  ASSERT_TRUE(jihadists);
  EXPECT_EQ(jihadists->name, "Islamist Militia (Mali)");
}

TEST_F(ExampleArticle, SegouCaptureAndBandiagaraDrops) {
  const auto* week =
      in_sentence(doc_.dates, "avons capturé un soldat", "la première semaine d'avril");
  ASSERT_TRUE(week);
  EXPECT_EQ(week->start, "2022-04-01");
  EXPECT_EQ(week->end, "2022-04-07");
  const auto* segou = in_sentence(doc_.places, "avons capturé un soldat", "Ségou");
  ASSERT_TRUE(segou);
  EXPECT_EQ(segou->precision, "admin1");
  EXPECT_EQ(segou->country, "ML");
  const auto* gsim = in_sentence(doc_.actors, "a déclaré le GSIM", "le GSIM");
  ASSERT_TRUE(gsim);
  EXPECT_EQ(gsim->name, "JNIM: Group for Support of Islam and Muslims");
  const auto* bandiagara = in_sentence(doc_.places, "lancements de parachute", "Bandiagara");
  ASSERT_TRUE(bandiagara && bandiagara->place);
  EXPECT_EQ(gazetteer_->admin1_name("ML", gazetteer_->place(*bandiagara->place).admin1), "Mopti");
}

TEST_F(ExampleArticle, HomboriDeviceAndThreeBases) {
  const auto* tuesday = in_sentence(doc_.dates, "engin explosif", "mardi dernier");
  ASSERT_TRUE(tuesday);
  EXPECT_EQ(tuesday->start, "2022-04-19");
  const auto* hombori = in_sentence(doc_.places, "engin explosif", "Hombori");
  ASSERT_TRUE(hombori && hombori->place);
  EXPECT_EQ(hombori->precision, "near");
  EXPECT_EQ(gazetteer_->admin1_name("ML", gazetteer_->place(*hombori->place).admin1), "Mopti");
  const auto* army = in_sentence(doc_.actors, "engin explosif", "Une unité de l'armée malienne");
  ASSERT_TRUE(army);
  EXPECT_EQ(army->name, "Military Forces of Mali");
  const auto* sunday = in_sentence(doc_.dates, "trois bases militaires", "Dimanche");
  ASSERT_TRUE(sunday);
  EXPECT_EQ(sunday->start, "2022-04-24");
  bool six = false;
  for (const auto& c : doc_.counts) {
    six = six || (doc_.numbers[c.number].best == 6 && c.what == "killed" && c.who == "soldiers");
  }
  EXPECT_TRUE(six);
}

TEST_F(ExampleArticle, BackgroundDatesAreResolvedAsTheyAre) {
  const auto* coup = in_sentence(doc_.dates, "coup d'État", "août 2020");
  ASSERT_TRUE(coup);
  EXPECT_EQ(coup->start, "2020-08-01");
  const auto* insurgency = in_sentence(doc_.dates, "a débuté en 2012", "2012");
  ASSERT_TRUE(insurgency);
  EXPECT_EQ(insurgency->start, "2012-01-01");
}

}  // namespace
}  // namespace vigie
