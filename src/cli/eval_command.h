#pragma once
#include <string>

namespace CLI {
class App;
}

namespace vigie {

struct EvalOptions {
  std::string gold;     ///< a gold file, or a directory of *.gold.json files
  std::string records;  ///< vigie extract's JSONL output; "-" reads stdin
  std::string text;     ///< "" = the gold's doc.file, next to the gold file
  bool json = false;
  double fail_under = 0;  ///< exit 4 when event F1 or a field's accuracy is below it
};

/// Adds `vigie eval --gold GOLD OUTPUT.jsonl`.
void add_eval_command(CLI::App& app, EvalOptions& options);
int run_eval(const EvalOptions& options);

}  // namespace vigie
