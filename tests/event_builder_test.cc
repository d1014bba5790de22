// Stage 7, first version: one event per sentence with an event word, its fields from that
// sentence (docs/events.md). Real sentences in, event records out.
#include "events/event_builder.h"

#include <gtest/gtest.h>

#include "pipeline/pipeline.h"
#include "test_support.h"
#include "util/utf8.h"

namespace vigie {
namespace {

class EventBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_SHARED();
    pipeline_ = test::pipeline_with_gazetteer("2022-04-25");
    if (!pipeline_) GTEST_SKIP() << "no gazetteer inputs";
  }

  std::vector<EventRecord> events(const std::string& text) {
    RawDocument raw;
    raw.bytes = text;
    raw.origin.path = "t.txt";
    auto r = pipeline_->process(raw);
    EXPECT_TRUE(r.doc) << (r.problem ? r.problem->message : "");
    return r.events;
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(EventBuilderTest, CodesWhoDidWhatToWhomWhereWhenAndSaysWhoReportedIt) {
  const std::string text =
      "Selon HRW, des soldats maliens ont exécuté 300 civils à Moura entre le 27 et le 31 mars.";
  const auto e = events(text);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Violence against civilians");
  EXPECT_EQ(e[0].sub_event_type, "Attack");
  EXPECT_EQ(e[0].plover, "ASSAULT");
  EXPECT_EQ(e[0].cameo_root, "18");
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of Mali");
  EXPECT_EQ(e[0].actor2->name, "Civilians (Mali)");
  EXPECT_EQ(e[0].interaction, 17);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 300);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-03-27");
  EXPECT_EQ(*e[0].date->end, "2022-03-31");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Moura");  // the article's spelling of GeoNames' Mora
  EXPECT_EQ(e[0].location->admin1, "Mopti");
  ASSERT_TRUE(e[0].source);  // HRW reports; it is no party to the killing
  EXPECT_EQ(e[0].source->name, "Human Rights Watch");
  EXPECT_EQ(e[0].source->status, "reported");
  ASSERT_EQ(e[0].evidence.size(), 1u);
  EXPECT_EQ(e[0].evidence[0].start, 0u);
  EXPECT_EQ(e[0].evidence[0].end, utf8::count_code_points(text));
}

TEST_F(EventBuilderTest, PassiveVoicePutsTheAgentFirst) {
  const auto e = events("Six soldiers were killed by gunmen near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Battles");
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->type, "political_militia") << e[0].actor1->name;
  EXPECT_EQ(e[0].actor2->type, "state_forces") << e[0].actor2->name;
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 6);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-04-24");
  ASSERT_TRUE(e[0].location && e[0].location->country);
  EXPECT_EQ(*e[0].location->country, "BF");
}

TEST_F(EventBuilderTest, WhatDidNotHappenIsNoEvent) {
  for (const std::string text : {
           "Les rebelles n'ont pas attaqué la ville de Gao.", "Le groupe menace d'attaquer Gao.",
           "Le groupe Wagner aurait été engagé pour combattre les islamistes.",
           "The group vowed to attack Gao.", "Gunmen will attack the base at Djibo.",
           "En 2012, des rebelles ont attaqué Kidal.",  // background: ten years before publication
       }) {
    const auto e = events(text);
    EXPECT_TRUE(e.empty()) << text << " → " << e.front().sub_event_type;
  }
}

TEST_F(EventBuilderTest, FieldsTheSentenceDoesNotGiveStayEmpty) {
  const auto e = events("Des hommes armés ont attaqué un convoi.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].date);
  EXPECT_EQ(e[0].date->type, "unresolved");
  EXPECT_FALSE(e[0].date->start);
  EXPECT_FALSE(e[0].location);
  EXPECT_FALSE(e[0].fatalities);
  EXPECT_FALSE(e[0].source);
}

}  // namespace
}  // namespace vigie
