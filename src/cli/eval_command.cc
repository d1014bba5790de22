#include "cli/eval_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/extract_command.h"
#include "eval/evaluator.h"
#include "input/content_check.h"

namespace vigie {
namespace {

using json = nlohmann::json;

bool read_whole(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

// Records, one per line; a line that is not a JSON object is reported with its number and skipped.
bool read_records(std::istream& in, const std::string& name, std::vector<json>& records) {
  bool all_read = true;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object()) {
      std::cerr << "vigie: " << name << ":" << number << ": not a JSON object, line skipped\n";
      all_read = false;
      continue;
    }
    records.push_back(std::move(record));
  }
  return all_read;
}

// Whose document a record is: vigie extract names a file input by its path as given.
bool record_of(const json& record, const std::string& file) {
  if (!record.contains("doc") || !record["doc"].is_object()) return false;
  const auto& id = record["doc"].value("id", json());
  if (!id.is_string()) return false;
  const std::string s = id.get<std::string>();
  return s == file ||
         (s.size() > file.size() && s.ends_with(file) && s[s.size() - file.size() - 1] == '/');
}

std::string doc_file(const json& gold) {
  if (gold.contains("doc") && gold["doc"].is_object() && gold["doc"].contains("file") &&
      gold["doc"]["file"].is_string()) {
    return gold["doc"]["file"].get<std::string>();
  }
  return "";
}

struct DocumentScore {
  std::string gold;
  EvalReport report;
};

// Scores one gold file; returns an exit code other than kExitOk when it could not.
int score_one(const std::filesystem::path& gold_path, const std::string& text_option,
              const std::vector<json>& records, bool all_records, DocumentScore& out) {
  std::string gold_bytes;
  if (!read_whole(gold_path, gold_bytes)) {
    std::cerr << "vigie: " << gold_path.string() << ": cannot read\n";
    return kExitFatal;
  }
  const json gold = json::parse(gold_bytes, nullptr, /*allow_exceptions=*/false);
  if (!gold.is_object() || !gold.contains("events") || !gold["events"].is_array()) {
    std::cerr << "vigie: " << gold_path.string()
              << ": not a gold file (a JSON object with an \"events\" list)\n";
    return kExitUsage;
  }
  const std::string file = doc_file(gold);
  std::filesystem::path text_path = text_option;
  if (text_path.empty() && !file.empty()) text_path = gold_path.parent_path() / file;
  std::string text;
  if (text_path.empty() || !read_whole(text_path, text)) {
    std::cerr << "vigie: " << (text_path.empty() ? gold_path.string() : text_path.string())
              << ": no document text to read the evidence from (give --text FILE)\n";
    return kExitUsage;
  }
  // The same check vigie extract makes of its inputs, with the same message.
  if (auto problem = check_text_content(text)) {
    std::cerr << "vigie: " << text_path.string() << ": " << *problem << "\n";
    return kExitUsage;
  }
  strip_utf8_bom(text);  // as vigie extract does before counting offsets

  std::vector<json> mine;
  for (const auto& r : records) {
    if (all_records || record_of(r, file)) mine.push_back(r);
  }
  try {
    out.gold = gold_path.filename().string();
    out.report = evaluate(gold, mine, text);
  } catch (const json::exception& e) {
    std::cerr << "vigie: " << gold_path.string() << ": malformed gold entry (" << e.what() << ")\n";
    return kExitUsage;
  }
  return kExitOk;
}

// The worst score that --fail-under guards: event F1 and every field's accuracy.
std::string below(const EvalReport& report, double threshold) {
  std::ostringstream why;
  if (report.f1() < threshold) why << " event F1 " << report.f1();
  for (const auto& [name, s] : report.fields) {
    if (s.accuracy() < threshold) why << " " << name << " " << s.accuracy();
  }
  return why.str();
}

}  // namespace

void add_eval_command(CLI::App& app, EvalOptions& o) {
  auto* cmd = app.add_subcommand(
      "eval", "Score event records (vigie extract's JSONL) against hand-coded gold files");
  cmd->add_option("--gold", o.gold,
                  "Gold file (format of shared/examples/*.gold.json), or a directory of "
                  "*.gold.json files whose records are told apart by doc.id")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("records", o.records, "Event records, JSONL ('-' for stdin)")->required();
  cmd->add_option("--text", o.text,
                  "Text the records' offsets index, for a single gold file (default: the gold's "
                  "doc.file, next to the gold file; for HTML, the text of vigie extract "
                  "--emit-text)");
  cmd->add_flag("--json", o.json, "Print the scores as JSON");
  cmd->add_option("--fail-under", o.fail_under,
                  "Exit with 4 when event F1 or any field's accuracy is below this (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
}

int run_eval(const EvalOptions& o) {
  const std::filesystem::path gold_root = o.gold;
  const bool directory = std::filesystem::is_directory(gold_root);
  std::vector<std::filesystem::path> gold_files;
  if (directory) {
    if (!o.text.empty()) {
      std::cerr << "vigie: --text applies to a single gold file, not a directory\n";
      return kExitUsage;
    }
    for (const auto& entry : std::filesystem::directory_iterator(gold_root)) {
      if (entry.is_regular_file() && entry.path().filename().string().ends_with(".gold.json")) {
        gold_files.push_back(entry.path());
      }
    }
    std::sort(gold_files.begin(), gold_files.end());
    if (gold_files.empty()) {
      std::cerr << "vigie: " << o.gold << ": no *.gold.json file\n";
      return kExitUsage;
    }
  } else {
    gold_files.push_back(gold_root);
  }

  std::vector<json> records;
  bool all_read = true;
  if (o.records == "-") {
    all_read = read_records(std::cin, "stdin", records);
  } else {
    std::ifstream in(o.records, std::ios::binary);
    if (!in) {
      std::cerr << "vigie: " << o.records << ": cannot read\n";
      return kExitFatal;
    }
    all_read = read_records(in, o.records, records);
  }

  std::vector<DocumentScore> scores(gold_files.size());
  EvalReport total;
  for (std::size_t i = 0; i < gold_files.size(); ++i) {
    if (int rc = score_one(gold_files[i], o.text, records, !directory, scores[i]); rc != kExitOk) {
      return rc;
    }
    total.add(scores[i].report, scores[i].gold);
  }
  if (!directory) total = scores.front().report;

  std::cout.setf(std::ios::fixed);
  std::cout.precision(3);
  if (o.json) {
    json j = total.to_json();
    if (directory) {
      j["documents"] = json::array();
      for (const auto& d : scores) {
        j["documents"].push_back({{"gold", d.gold},
                                  {"precision", d.report.precision()},
                                  {"recall", d.report.recall()},
                                  {"f1", d.report.f1()}});
      }
    }
    std::cout << j.dump(2) << "\n";
  } else {
    if (directory) {
      for (const auto& d : scores) {
        std::cout << d.gold << ": F1 " << d.report.f1() << " (" << d.report.matched << "/"
                  << d.report.gold_events << " found, " << d.report.predicted_events
                  << " predicted)\n";
      }
    }
    std::cout << total.to_text();
  }
  if (o.fail_under > 0) {
    if (const std::string why = below(total, o.fail_under); !why.empty()) {
      std::cerr << "vigie: below " << o.fail_under << ":" << why << "\n";
      return kExitBelowThreshold;
    }
  }
  return all_read ? kExitOk : kExitSomeFailed;
}

}  // namespace vigie
