#include "cli/reading.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <thread>

#include "input/jsonl_record.h"

namespace vigie {

CLI::App* add_reading_options(CLI::App& app, const std::string& name,
                              const std::string& description, ExtractOptions& o) {
  auto* cmd = app.add_subcommand(name, description);
  cmd->add_option("inputs", o.inputs,
                  "Files (.txt, .html, .jsonl, optionally .gz/.zst), directories (recursive) or - "
                  "for standard input")
      ->type_name("FILE|DIR|-");
  cmd->add_option("--input-format", o.input_format, "Read every input as this format")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--published", o.published,
                  "Publication date (YYYY-MM-DD) for inputs that carry none")
      ->check([](const std::string& v) {
        return v.size() == 10 && iso_date_prefix(v) ? std::string() : "expected YYYY-MM-DD";
      });
  cmd->add_option("--lang", o.lang,
                  "Language of the inputs: auto, or a language pack code (fr, en)")
      ->capture_default_str();
  cmd->add_option("-j,--threads", o.threads,
                  "Worker threads (default: all cores); output keeps input order")
      ->check(CLI::Range(0, 256));
  cmd->add_flag("-q,--quiet", o.quiet, "Do not print the summary line on standard error");
  cmd->add_option(
      "--data", o.data_dir,
      "Data directory holding the gazetteer (default: $VIGIE_DATA or ~/.local/share/vigie)");
  return cmd;
}

int prepare_pipeline(const ExtractOptions& o, ReadingSetup& setup) {
  try {
    setup.languages = std::make_unique<LanguageRegistry>(default_lang_root());
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
  if (o.lang != "auto" && !setup.languages->find(o.lang)) {
    std::cerr << "vigie: --lang " << o.lang << ": no such language pack in "
              << setup.languages->root().string() << "\n";
    return kExitUsage;
  }
  // The gazetteer, when one was built: places are not resolved without it.
  const std::filesystem::path dir =
      o.data_dir.empty() ? Gazetteer::default_data_dir() : std::filesystem::path(o.data_dir);
  // Printing the article text reads no place names, so it does not load them either.
  const bool text_only = o.emit_text;
  if (!text_only && std::filesystem::exists(Gazetteer::file_in(dir))) {
    std::string error;
    setup.gazetteer = Gazetteer::load(Gazetteer::file_in(dir), error);
    if (!setup.gazetteer) {
      std::cerr << "vigie: " << error << "\n";
      return kExitFatal;
    }
  } else if (!text_only && !o.quiet) {
    std::cerr << "vigie: no gazetteer in " << dir.string()
              << ": places are not resolved (scripts/setup.sh builds one; see README)\n";
  }
  PipelineOptions popts;
  popts.gazetteer = setup.gazetteer ? &*setup.gazetteer : nullptr;
  popts.explain = o.explain;
  popts.lang = o.lang;
  popts.analyse = !text_only;
  if (!o.published.empty()) popts.published = o.published;
  try {
    setup.pipeline = std::make_unique<Pipeline>(*setup.languages, popts);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }

  return kExitOk;
}

int prepare_reading(const ExtractOptions& o, const std::string& command, ReadingSetup& setup) {
  if (const int rc = prepare_pipeline(o, setup); rc != kExitOk) return rc;
  setup.inputs = o.inputs;
  if (setup.inputs.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "vigie " << command
                << ": no input (give files, directories, or - for standard input)\n";
      return kExitUsage;
    }
    setup.inputs.push_back("-");
  }

  if (o.input_format == "text") setup.reader.forced_format = InputFormat::Text;
  if (o.input_format == "html") setup.reader.forced_format = InputFormat::Html;
  if (o.input_format == "jsonl") setup.reader.forced_format = InputFormat::Jsonl;
  setup.threads = o.threads > 0
                      ? o.threads
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return kExitOk;
}

}  // namespace vigie
