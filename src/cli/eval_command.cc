#include "cli/eval_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/extract_command.h"
#include "eval/evaluator.h"
#include "input/content_check.h"
#include "util/utf8.h"

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

}  // namespace

void add_eval_command(CLI::App& app, EvalOptions& o) {
  auto* cmd = app.add_subcommand(
      "eval", "Score event records (vigie extract's JSONL) against a hand-coded gold file");
  cmd->add_option("--gold", o.gold, "Gold file (format of shared/examples/*.gold.json)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("records", o.records, "Event records, JSONL ('-' for stdin)")->required();
  cmd->add_option("--text", o.text,
                  "Text the records' offsets index (default: the gold's doc.file, next to the "
                  "gold file; for HTML, the text of vigie extract --emit-text)");
  cmd->add_flag("--json", o.json, "Print the scores as JSON");
}

int run_eval(const EvalOptions& o) {
  std::string gold_bytes;
  if (!read_whole(o.gold, gold_bytes)) {
    std::cerr << "vigie: " << o.gold << ": cannot read\n";
    return kExitFatal;
  }
  const json gold = json::parse(gold_bytes, nullptr, /*allow_exceptions=*/false);
  if (!gold.is_object() || !gold.contains("events") || !gold["events"].is_array()) {
    std::cerr << "vigie: " << o.gold
              << ": not a gold file (a JSON object with an \"events\" list)\n";
    return kExitUsage;
  }

  std::filesystem::path text_path = o.text;
  if (text_path.empty() && gold.contains("doc") && gold["doc"].is_object() &&
      gold["doc"].contains("file") && gold["doc"]["file"].is_string()) {
    text_path =
        std::filesystem::path(o.gold).parent_path() / gold["doc"]["file"].get<std::string>();
  }
  std::string text;
  if (text_path.empty() || !read_whole(text_path, text)) {
    std::cerr << "vigie: " << (text_path.empty() ? o.gold : text_path.string())
              << ": no document text to read the evidence from (give --text FILE)\n";
    return kExitUsage;
  }
  if (auto bad = utf8::first_invalid_byte(text)) {
    std::cerr << "vigie: " << text_path.string() << ": invalid UTF-8 at byte offset " << *bad
              << "\n";
    return kExitUsage;
  }
  strip_utf8_bom(text);  // as vigie extract does before counting offsets

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

  EvalReport report;
  try {
    report = evaluate(gold, records, text);
  } catch (const json::exception& e) {
    std::cerr << "vigie: " << o.gold << ": malformed gold entry (" << e.what() << ")\n";
    return kExitUsage;
  }
  if (o.json) {
    std::cout << report.to_json().dump(2) << "\n";
  } else {
    std::cout << report.to_text();
  }
  return all_read ? kExitOk : kExitSomeFailed;
}

}  // namespace vigie
