#pragma once
#include <string>

namespace CLI {
class App;
}

namespace vigie {

struct EvalOptions {
  std::string gold;
  std::string records;  ///< vigie extract's JSONL output; "-" reads stdin
  std::string text;     ///< "" = the gold's doc.file, next to the gold file
  bool json = false;
};

/// Adds `vigie eval --gold GOLD.json OUTPUT.jsonl`.
void add_eval_command(CLI::App& app, EvalOptions& options);
int run_eval(const EvalOptions& options);

}  // namespace vigie
