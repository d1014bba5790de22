// The development set (tests/devset/<lang>/): short news texts written for vigie in the styles of
// wire reports and local press, each with a hand-coded gold file in the format of
// shared/examples/*.gold.json. Every text is read as of its gold's publication date, scored with
// the evaluator of `vigie eval`, and the scores per language must stay at or above the floors
// below, which fail the build when they drop (docs/evaluation.md holds the measured figures).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "output/event_json.h"
#include "pipeline/pipeline.h"
#include "test_support.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

struct Floors {
  double event_f1;
  double field;                          // every field's accuracy, but
  std::map<std::string, double> except;  // these, measured lower (docs/evaluation.md says why)
};

EvalReport score_language(const std::string& lang) {
  EvalReport total;
  const fs::path dir = test::source_dir() / "tests" / "devset" / lang;
  std::vector<fs::path> golds;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().ends_with(".gold.json")) golds.push_back(entry.path());
  }
  std::sort(golds.begin(), golds.end());
  const auto pipeline = test::pipeline_with_gazetteer(std::nullopt);
  EXPECT_GE(golds.size(), 40u) << dir;
  for (const auto& gold_path : golds) {
    const auto gold = nlohmann::json::parse(test::read_file(gold_path));
    const std::string published = gold["doc"]["published"];
    const fs::path text_path = dir / gold["doc"]["file"].get<std::string>();
    const std::string text = test::read_file(text_path);

    RawDocument raw;
    raw.bytes = text;
    raw.origin.path = text_path.filename().string();
    raw.meta.id = raw.origin.path;
    raw.meta.published = published;  // as a feed record carries it: one pipeline serves all
    const auto processed = pipeline->process(std::move(raw));
    EXPECT_TRUE(processed.doc) << text_path;
    std::vector<nlohmann::json> predicted;
    for (const auto& e : processed.events)
      predicted.push_back(nlohmann::json::parse(to_json(e).dump()));
    total.add(evaluate(gold, predicted, text), gold_path.filename().string());
  }
  return total;
}

void check(const std::string& lang, Floors floors) {
  SKIP_WITHOUT_SHARED();
  if (!test::test_gazetteer()) GTEST_SKIP() << "no gazetteer inputs";
  const EvalReport report = score_language(lang);
  std::cout << "[ devset/" << lang << " ]\n" << report.to_text();
  EXPECT_GE(report.f1(), floors.event_f1) << "event F1 of the " << lang << " development set";
  for (const auto& [name, score] : report.fields) {
    const auto lower = floors.except.find(name);
    EXPECT_GE(score.accuracy(), lower == floors.except.end() ? floors.field : lower->second)
        << name << " accuracy, " << lang;
  }
}

// Floors at issue #4's targets (event F1 0.90 raised to 0.95, every field 0.85), under the
// figures measured when they were set (fr: F1 0.988, lowest field source 0.857; en: F1 1.000,
// lowest field location 0.878), so that a real drop fails.
TEST(DevelopmentSet, French) {
  check("fr", {0.95, 0.85, {}});
}
TEST(DevelopmentSet, English) {
  check("en", {0.95, 0.85, {}});
}

}  // namespace
}  // namespace vigie
