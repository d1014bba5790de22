// `vigie eval`: records are matched to gold events by their evidence, fields are scored with the
// gold's accept lists, competing accounts must share an incident, background is counted.
#include "eval/evaluator.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "util/utf8.h"

namespace vigie {
namespace {

using json = nlohmann::json;

// A short wire report with two accounts of one incident and one earlier, unrelated fact.
const std::string kText =
    "Selon Human Rights Watch, des soldats maliens ont tué 30 civils à Ségou le 3 mars. "
    "L'armée affirme avoir neutralisé 12 terroristes. En 2012, des rebelles ont pris Kidal.";

const json kGold = json::parse(R"json({
  "doc": {"published": "2022-03-10"},
  "events": [
    {"key": "killing", "evidence_contains": "ont tué 30 civils",
     "event_type": {"accept": ["Violence against civilians"]},
     "date": {"start": "2022-03-03", "end": "2022-03-03"},
     "location": {"name": "Segou", "country": "ML"},
     "actor1": {"accept": ["Military Forces of Mali"]},
     "actor2": {"accept": ["Civilians (Mali)"]},
     "fatalities": {"best": 30},
     "source": {"name": {"accept": ["Human Rights Watch"]}, "status": {"accept": ["reported"]}}},
    {"key": "army-account", "same_incident_as": "killing", "evidence_contains": "neutralisé",
     "event_type": {"accept": ["Battles"]},
     "date": {"start": "2022-03-03", "end": "2022-03-03", "accept_unresolved": true},
     "fatalities": {"best": 12}}
  ],
  "optional_events": [
    {"key": "statement", "event_type": {"accept": ["Strategic developments"]},
     "actor1": {"accept": ["Military Forces of Mali"]}}
  ]
})json");

// Code point span of `phrase` in kText, as the event records give spans.
json evidence_of(const std::string& phrase) {
  const auto byte = kText.find(phrase);
  EXPECT_NE(byte, std::string::npos) << phrase;
  const std::size_t cp = utf8::count_code_points(std::string_view(kText).substr(0, byte));
  const std::size_t len = utf8::count_code_points(phrase);
  return json::array({{{"start", cp}, {"end", cp + len}}});
}

json killing_record() {
  return {{"event_id", "e1"},
          {"incident_id", "i1"},
          {"event_type", "Violence against civilians"},
          {"date", {{"start", "2022-03-03"}, {"end", "2022-03-03"}, {"type", "exact"}}},
          {"location", {{"name", "Ségou"}, {"country", "ML"}}},
          {"actor1", {{"name", "Military Forces of Mali (2021-)"}}},
          {"actor2", {{"name", "Civilians (Mali)"}}},
          {"fatalities", {{"best", 30}}},
          {"source", {{"name", "Human Rights Watch"}, {"status", "reported"}}},
          {"evidence", evidence_of("des soldats maliens ont tué 30 civils à Ségou")}};
}

json army_record(const std::string& incident) {
  return {{"event_id", "e2"},
          {"incident_id", incident},
          {"event_type", "Battles"},
          {"date", {{"start", nullptr}, {"end", nullptr}, {"type", "unresolved"}}},
          {"fatalities", {{"best", 12}}},
          {"evidence", evidence_of("avoir neutralisé 12 terroristes")}};
}

TEST(Evaluator, RightRecordsScoreEveryFieldAndLinkTheAccounts) {
  const auto report = evaluate(kGold, {killing_record(), army_record("i1")}, kText);
  EXPECT_EQ(report.gold_events, 2);
  EXPECT_EQ(report.matched, 2);
  EXPECT_DOUBLE_EQ(report.f1(), 1.0);
  for (const auto& [name, score] : report.fields) {
    EXPECT_EQ(score.right, score.total) << name;
  }
  // Folded place names, the actor's period suffix and an accepted unresolved date all count.
  EXPECT_EQ(report.fields.at("location").right, 1);
  EXPECT_EQ(report.fields.at("actor1").right, 1);
  EXPECT_EQ(report.fields.at("date").total, 2);
  EXPECT_EQ(report.fields.at("incident_id").right, 1);
  EXPECT_TRUE(report.misses.empty()) << report.to_text();
}

TEST(Evaluator, WrongFieldsAreCountedAndExplained) {
  json wrong = killing_record();
  wrong["fatalities"]["best"] = 100;
  wrong["source"]["status"] = "claimed";
  wrong["actor2"] = nullptr;
  const auto report = evaluate(kGold, {wrong, army_record("i2")}, kText);
  EXPECT_EQ(report.matched, 2);
  EXPECT_EQ(report.fields.at("fatalities").right, 1);  // the army account's 12 is right
  EXPECT_EQ(report.fields.at("fatalities").total, 2);
  EXPECT_EQ(report.fields.at("source").right, 0);
  EXPECT_EQ(report.fields.at("actor2").right, 0);
  EXPECT_EQ(report.fields.at("incident_id").right, 0);
  const std::string text = report.to_text();
  EXPECT_NE(text.find("killing: fatalities 100"), std::string::npos) << text;
  EXPECT_NE(text.find("killing: source status \"claimed\""), std::string::npos) << text;
  EXPECT_NE(text.find("army-account: not linked to killing"), std::string::npos) << text;
}

TEST(Evaluator, MissingAndExtraEventsMoveRecallAndPrecision) {
  json extra = army_record("i9");
  extra["event_id"] = "e3";
  extra["event_type"] = "Battles";
  extra["date"] = {{"start", "2012-01-01"}, {"end", "2012-12-31"}, {"type", "range"}};
  extra["evidence"] = evidence_of("des rebelles ont pris Kidal");
  const auto report = evaluate(kGold, {killing_record(), extra}, kText);
  EXPECT_EQ(report.matched, 1);
  EXPECT_DOUBLE_EQ(report.recall(), 0.5);
  EXPECT_DOUBLE_EQ(report.precision(), 0.5);
  EXPECT_EQ(report.background, 1);  // 2012 against a 2022 article
  const auto j = report.to_json();
  EXPECT_EQ(j["background_events"], 1);
  EXPECT_NE(report.to_text().find("army-account: not found"), std::string::npos);
  EXPECT_NE(report.to_text().find("extra event: Battles"), std::string::npos);
}

TEST(Evaluator, OptionalEventsCountNeitherWay) {
  json statement = {{"event_id", "e4"},
                    {"event_type", "Strategic developments"},
                    {"actor1", {{"name", "Military Forces of Mali"}}},
                    {"evidence", evidence_of("L'armée affirme")}};
  auto report = evaluate(kGold, {killing_record(), army_record("i1"), statement}, kText);
  EXPECT_EQ(report.matched_optional, 1);
  EXPECT_DOUBLE_EQ(report.precision(), 1.0);
  // Of the right type but about someone else: an extra event, not the optional one.
  statement["actor1"]["name"] = "Wagner Group";
  report = evaluate(kGold, {killing_record(), army_record("i1"), statement}, kText);
  EXPECT_EQ(report.matched_optional, 0);
  EXPECT_NEAR(report.precision(), 2.0 / 3, 1e-9);
}

TEST(Evaluator, EvidenceOutsideTheTextMatchesNothing) {
  json lost = killing_record();
  lost["evidence"] = json::array({{{"start", 5000}, {"end", 5010}}});
  const auto report = evaluate(kGold, {lost}, kText);
  EXPECT_EQ(report.matched, 0);
}

TEST(EvalCommand, ScoresAFileAndReportsBadLines) {
  test::TempDir dir;
  test::write_file(dir / "doc.txt", kText);
  json gold = kGold;
  gold["doc"]["file"] = "doc.txt";
  test::write_file(dir / "gold.json", gold.dump());
  test::write_file(dir / "out.jsonl",
                   killing_record().dump() + "\n{broken\n" + army_record("i1").dump() + "\n");
  auto r = test::run_vigie("eval --json --gold '" + (dir / "gold.json").string() + "' '" +
                           (dir / "out.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 1);  // a line was skipped
  EXPECT_NE(r.err.find((dir / "out.jsonl").string() + ":2: not a JSON object"), std::string::npos)
      << r.err;
  const json scores = json::parse(r.out);
  EXPECT_EQ(scores["matched"], 2);
  EXPECT_DOUBLE_EQ(scores["f1"].get<double>(), 1.0);

  // A text that is not UTF-8 is refused as vigie extract refuses it, naming the byte.
  test::write_file(dir / "latin1.txt", "Attaque \xE0 Gao");
  r = test::run_vigie("eval --gold '" + (dir / "gold.json").string() + "' --text '" +
                      (dir / "latin1.txt").string() + "' '" + (dir / "out.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("latin1.txt: invalid UTF-8 at byte offset 8"), std::string::npos) << r.err;

  test::write_file(dir / "not-gold.json", "[1, 2]");
  r = test::run_vigie("eval --gold '" + (dir / "not-gold.json").string() + "' '" +
                      (dir / "out.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a gold file"), std::string::npos) << r.err;
}

TEST(EvalCommand, ScoresADirectoryOfGoldFilesByDocument) {
  test::TempDir dir;
  json gold = kGold;
  for (const std::string name : {"a", "b"}) {
    test::write_file(dir / (name + ".txt"), kText);
    gold["doc"]["file"] = name + ".txt";
    test::write_file(dir / (name + ".gold.json"), gold.dump());
  }
  // Document a: both events; document b: only the army's account.
  auto of = [&](json record, const std::string& name) {
    record["doc"] = {{"id", (dir / (name + ".txt")).string()}};
    return record.dump() + "\n";
  };
  test::write_file(dir / "out.jsonl", of(killing_record(), "a") + of(army_record("i1"), "a") +
                                          of(army_record("i1"), "b"));
  auto r = test::run_vigie("eval --gold '" + dir.path().string() + "' '" +
                           (dir / "out.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("a.gold.json: F1 1.000 (2/2 found, 2 predicted)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("b.gold.json: F1 0.667 (1/2 found, 1 predicted)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("b.gold.json: killing: not found"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("events: gold 4, predicted 3, matched 3"), std::string::npos) << r.out;

  r = test::run_vigie("eval --fail-under 0.9 --gold '" + dir.path().string() + "' '" +
                      (dir / "out.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("event F1 0.857"), std::string::npos) << r.err;
}

TEST(EvalCommand, ReadsTheSharedExampleGold) {
  SKIP_WITHOUT_SHARED();
  const auto gold = test::shared_dir() / "examples/mali-wagner-moura.gold.json";
  auto r = test::run_vigie("eval --gold '" + gold.string() + "' -", "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("events: gold 6, predicted 0, matched 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("moura-massacre: not found"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vigie
