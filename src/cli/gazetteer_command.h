#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace vigie {

struct GazetteerOptions {
  std::string data_dir;  ///< "" = Gazetteer::default_data_dir()
  std::vector<std::string> files;
};

/// Adds `vigie gazetteer import FILE...` and `vigie gazetteer info`.
void add_gazetteer_command(CLI::App& app, GazetteerOptions& options);
/// Runs whichever gazetteer subcommand was chosen; returns the exit code.
int run_gazetteer(const CLI::App& app, const GazetteerOptions& options);

}  // namespace vigie
