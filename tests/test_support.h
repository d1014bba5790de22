#pragma once
// Shared helpers for the test suite: paths to the repository, shared/ and the vigie binary, a
// temporary directory, and one loaded language registry.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "gazetteer/gazetteer.h"
#include "input/input_reader.h"
#include "lang/language_pack.h"
#include "pipeline/pipeline.h"

namespace vigie::test {

std::filesystem::path source_dir();
std::filesystem::path shared_dir();
std::filesystem::path fixture(const std::string& relative);

/// Every item an InputReader gives for these paths.
std::vector<InputItem> read_all_inputs(std::vector<std::string> paths, ReaderOptions options = {});

/// A gazetteer built once per test run from the npm data packages (node_modules/) and the GeoNames
/// dumps of shared/ (Mali, Burkina Faso, Niger, admin codes); nullptr when those are missing.
const Gazetteer* test_gazetteer();

/// A data directory holding test_gazetteer() saved as vigie's gazetteer file, for the vigie
/// binary (--data); made once per test run; empty when the gazetteer inputs are missing.
std::filesystem::path test_data_dir();

/// A full pipeline (mentions included) with test_gazetteer(), reading documents as published on
/// `published`; nullptr when the gazetteer inputs are missing.
std::unique_ptr<Pipeline> pipeline_with_gazetteer(std::optional<std::string> published);

/// The repository's language packs, loaded once.
const LanguageRegistry& languages();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

/// A fresh directory removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// Result of running the vigie binary.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult run_vigie(const std::string& args, const std::string& stdin_text = "");

}  // namespace vigie::test

#define SKIP_WITHOUT_SHARED()                                                 \
  do {                                                                        \
    if (!std::filesystem::exists(::vigie::test::shared_dir())) {              \
      GTEST_SKIP() << "shared/ not found at " << ::vigie::test::shared_dir(); \
    }                                                                         \
  } while (0)
