#pragma once
// What every command that runs the pipeline shares (extract, explain, ingest): the reading
// options, and the language packs, gazetteer, pipeline and inputs they set up.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/extract_command.h"
#include "gazetteer/gazetteer.h"
#include "input/input_reader.h"
#include "lang/language_pack.h"
#include "pipeline/pipeline.h"

namespace CLI {
class App;
}

namespace vigie {

/// Adds a subcommand with the inputs and the options that say how to read them.
CLI::App* add_reading_options(CLI::App& app, const std::string& name,
                              const std::string& description, ExtractOptions& options);

struct ReadingSetup {
  std::unique_ptr<LanguageRegistry> languages;
  std::optional<Gazetteer> gazetteer;
  std::unique_ptr<Pipeline> pipeline;
  ReaderOptions reader;
  std::vector<std::string> inputs;  ///< "-" when none was given and standard input is not a tty
  int threads = 1;
};

/// The language packs, gazetteer and pipeline alone (vigie serve reads no files); kExitOk, or the
/// exit code after printing why on standard error.
int prepare_pipeline(const ExtractOptions& options, ReadingSetup& setup);

/// Sets everything up; kExitOk, or the exit code after printing why on standard error.
int prepare_reading(const ExtractOptions& options, const std::string& command, ReadingSetup& setup);

}  // namespace vigie
