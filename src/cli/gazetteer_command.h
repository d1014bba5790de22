#pragma once
#include <string>
#include <vector>

#include "gazetteer/geonames_download.h"

namespace CLI {
class App;
}

namespace vigie {

struct GazetteerOptions {
  std::string data_dir;  ///< "" = Gazetteer::default_data_dir()
  std::vector<std::string> files;
  std::vector<std::string> countries;   ///< gazetteer fetch: ISO codes of the dumps to download
  std::string from = kGeoNamesDumpUrl;  ///< gazetteer fetch: where the dumps are
};

/// Adds `vigie gazetteer import FILE...`, `vigie gazetteer fetch CC...` and `vigie gazetteer info`.
void add_gazetteer_command(CLI::App& app, GazetteerOptions& options);
/// Runs whichever gazetteer subcommand was chosen; returns the exit code.
int run_gazetteer(const CLI::App& app, const GazetteerOptions& options);

}  // namespace vigie
