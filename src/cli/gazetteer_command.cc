#include "cli/gazetteer_command.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "cli/extract_command.h"
#include "gazetteer/gazetteer.h"

namespace vigie {

void add_gazetteer_command(CLI::App& app, GazetteerOptions& o) {
  auto* cmd =
      app.add_subcommand("gazetteer", "Build and inspect the gazetteer vigie resolves places with");
  cmd->require_subcommand(1);
  auto* import = cmd->add_subcommand(
      "import",
      "Add GeoNames files (a country dump such as ML.txt, cities500.txt, admin1CodesASCII.txt, "
      "admin2Codes.txt) or world-countries' countries.json to the gazetteer");
  import->add_option("files", o.files, "Files to add")->required()->check(CLI::ExistingFile);
  import->add_option("--data", o.data_dir,
                     "Data directory (default: $VIGIE_DATA or ~/.local/share/vigie)");
  auto* info = cmd->add_subcommand("info", "Say where the gazetteer is and what it holds");
  info->add_option("--data", o.data_dir,
                   "Data directory (default: $VIGIE_DATA or ~/.local/share/vigie)");
}

int run_gazetteer(const CLI::App& app, const GazetteerOptions& o) {
  const auto* cmd = app.get_subcommand("gazetteer");
  const std::filesystem::path dir =
      o.data_dir.empty() ? Gazetteer::default_data_dir() : std::filesystem::path(o.data_dir);
  const auto file = Gazetteer::file_in(dir);
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  std::optional<Gazetteer> g;
  if (std::filesystem::exists(file)) {
    g = Gazetteer::load(file, error);
    if (!g && cmd->got_subcommand("import")) {
      // Importing is how a gazetteer of an older vigie is rebuilt.
      std::cerr << "vigie: " << error << "; starting a new one from the files given (import the "
                << "country dumps again)\n";
    } else if (!g) {
      std::cerr << "vigie: " << error << "\n";
      return kExitFatal;
    }
  }
  if (cmd->got_subcommand("info")) {
    if (!g) {
      std::cout << file.string() << ": no gazetteer yet (vigie gazetteer import FILE...)\n";
      return kExitOk;
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << file.string() << ": " << g->size() << " places, loaded in " << s << " s\n";
    return kExitOk;
  }
  if (!g) g.emplace();
  for (const auto& f : o.files) {
    const std::size_t before = g->size();
    if (!g->import(f, error)) {
      std::cerr << "vigie: " << error << "\n";
      return kExitSomeFailed;
    }
    std::cerr << "vigie: " << f << ": " << g->size() - before << " new places\n";
  }
  if (!g->save(file, error)) {
    std::cerr << "vigie: " << error << "\n";
    return kExitFatal;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "vigie: " << file.string() << ": " << g->size() << " places (" << s << " s)\n";
  return kExitOk;
}

}  // namespace vigie
