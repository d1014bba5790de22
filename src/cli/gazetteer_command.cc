#include "cli/gazetteer_command.h"

#include <CLI/CLI.hpp>
#include <cctype>
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
  auto* fetch = cmd->add_subcommand(
      "fetch",
      "Download countries' GeoNames dumps (CC.zip from GeoNames' export site) and add them to the "
      "gazetteer: the only vigie command that uses the network");
  fetch->add_option("countries", o.countries, "ISO 3166-1 alpha-2 codes: ML BF NE SD …")
      ->required();
  fetch->add_option("--from", o.from, "Where the dumps are (a mirror, a local copy)")
      ->capture_default_str();
  fetch->add_option("--data", o.data_dir,
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
    if (!g && (cmd->got_subcommand("import") || cmd->got_subcommand("fetch"))) {
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
  const std::size_t places_before = g->size();
  int rc = kExitOk;
  if (cmd->got_subcommand("fetch")) {
    // Each country on its own: one that fails (no such dump, network down) is reported and the
    // others are still added and saved.
    for (std::string code : o.countries) {
      for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!is_country_code(code)) {
        std::cerr << "vigie: " << code << ": not a two-letter country code\n";
        rc = kExitSomeFailed;
        continue;
      }
      std::string dump;
      const std::size_t before = g->size();
      if (!fetch_country_dump(o.from, code, dump, error) ||
          !g->import_text(std::move(dump), code + ".txt", error)) {
        std::cerr << "vigie: " << error << "\n";
        rc = kExitSomeFailed;
        continue;
      }
      std::cerr << "vigie: " << code << ": " << g->size() - before << " new places\n";
    }
  }
  if (rc != kExitOk && o.files.empty() && g->size() == places_before) return rc;  // nothing new
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
  return rc;
}

}  // namespace vigie
