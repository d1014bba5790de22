#pragma once
// `vigie eval`: event records against a hand-coded gold file (the format of
// shared/examples/mali-wagner-moura.gold.json, with its `accept` lists). Gold events are matched
// one to one with predicted ones whose evidence holds the gold's `evidence_contains` text, best
// agreement first; optional gold events may be matched and then count neither for recall nor
// against precision. Scores: event precision, recall and F1, and per field the share of matched
// pairs where the field is right.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vigie {

struct FieldScore {
  int right = 0;
  int total = 0;
  double accuracy() const { return total ? static_cast<double>(right) / total : 1.0; }
};

struct EvalReport {
  int gold_events = 0;  ///< required gold events
  int predicted_events = 0;
  int matched = 0;           ///< required gold events matched
  int matched_optional = 0;  ///< predictions matched to optional gold events
  int background = 0;        ///< predictions dated over a year before publication
  std::map<std::string, FieldScore> fields;
  std::vector<std::string> misses;  ///< readable lines: unmatched gold, wrong fields, extra events

  /// Adds another document's counts; its misses are prefixed with `label`.
  void add(const EvalReport& other, const std::string& label);

  double precision() const;
  double recall() const;
  double f1() const;
  nlohmann::json to_json() const;
  std::string to_text() const;
};

/// Compares `predicted` (event records of one document) with `gold`; `text` is the document text
/// the records' offsets index (code points).
EvalReport evaluate(const nlohmann::json& gold, const std::vector<nlohmann::json>& predicted,
                    const std::string& text);

}  // namespace vigie
