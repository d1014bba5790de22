#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace vigie {

/// Exit codes of every vigie command (README: "Exit codes").
enum ExitCode : int {
  kExitOk = 0,              ///< every input was processed
  kExitSomeFailed = 1,      ///< some inputs were reported and skipped; the others were processed
  kExitUsage = 2,           ///< bad command line
  kExitFatal = 3,           ///< nothing could run: output not writable, language data missing
  kExitBelowThreshold = 4,  ///< vigie eval: scores below --fail-under
};

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  bool format_given = false;  ///< --format was on the command line (it picks --annotations' form)
  std::string input_format = "auto";
  std::string published;
  std::string lang = "auto";
  bool emit_text = false;
  bool emit_conllu = false;
  bool annotations = false;
  bool explain = false;  ///< `vigie explain`: events with the reasons for every choice
  int threads = 0;
  std::string output = "-";
  bool quiet = false;
  std::string data_dir;
};

/// Adds `vigie extract` and its options to the app; `run` is set when it was chosen.
void add_extract_command(CLI::App& app, ExtractOptions& options);

/// Adds `vigie explain`: the reading options of extract, output for a person.
void add_explain_command(CLI::App& app, ExtractOptions& options);

int run_extract(const ExtractOptions& options);

}  // namespace vigie
