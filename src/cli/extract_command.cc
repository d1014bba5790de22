#include "cli/extract_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <thread>

#include "gazetteer/gazetteer.h"
#include "input/jsonl_record.h"
#include "output/annotations_writer.h"
#include "output/conllu_writer.h"
#include "output/event_writer.h"
#include "output/explanation_writer.h"
#include "pipeline/batch_runner.h"
#include "util/tsv.h"

namespace vigie {

namespace {

// What `vigie extract` and `vigie explain` share: inputs, how to read them, where to write.
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
  cmd->add_option("-o,--output", o.output, "Output file (default: standard output)");
  cmd->add_flag("-q,--quiet", o.quiet, "Do not print the summary line on standard error");
  cmd->add_option(
      "--data", o.data_dir,
      "Data directory holding the gazetteer (default: $VIGIE_DATA or ~/.local/share/vigie)");
  return cmd;
}

}  // namespace

void add_extract_command(CLI::App& app, ExtractOptions& o) {
  auto* cmd = add_reading_options(app, "extract", "Extract event records from articles", o);
  cmd->add_option("--format,-f", o.format, "Output format")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_flag(
      "--emit-text", o.emit_text,
      "Print the cleaned article text instead of events (documents separated by a form feed line)");
  cmd->add_flag("--annotations", o.annotations,
                "Print every mention (span, text, resolved value, rule) instead of events");
  cmd->add_flag("--emit-conllu", o.emit_conllu,
                "Print sentences, tokens, lemmas and parts of speech as CoNLL-U instead of events");
}

void add_explain_command(CLI::App& app, ExtractOptions& o) {
  o.explain = true;
  add_reading_options(app, "explain",
                      "Print each event with its event word, the rules that fired and, for every "
                      "field, the words chosen and why",
                      o);
}

int run_extract(const ExtractOptions& o) {
  std::unique_ptr<LanguageRegistry> languages;
  try {
    languages = std::make_unique<LanguageRegistry>(default_lang_root());
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
  if (o.lang != "auto" && !languages->find(o.lang)) {
    std::cerr << "vigie: --lang " << o.lang << ": no such language pack in "
              << languages->root().string() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> inputs = o.inputs;
  if (inputs.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::cerr << "vigie " << (o.explain ? "explain" : "extract")
                << ": no input (give files, directories, or - for standard input)\n";
      return kExitUsage;
    }
    inputs.push_back("-");
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (o.output != "-") {
    file.open(o.output, std::ios::binary);
    if (!file) {
      std::cerr << "vigie: cannot write " << o.output << "\n";
      return kExitFatal;
    }
    out = &file;
  }

  // The gazetteer, when one was built: places are not resolved without it.
  std::optional<Gazetteer> gazetteer;
  {
    const std::filesystem::path dir =
        o.data_dir.empty() ? Gazetteer::default_data_dir() : std::filesystem::path(o.data_dir);
    std::string error;
    if (std::filesystem::exists(Gazetteer::file_in(dir))) {
      gazetteer = Gazetteer::load(Gazetteer::file_in(dir), error);
      if (!gazetteer) {
        std::cerr << "vigie: " << error << "\n";
        return kExitFatal;
      }
    } else if (!o.quiet) {
      std::cerr << "vigie: no gazetteer in " << dir.string()
                << ": places are not resolved (scripts/setup.sh builds one; see README)\n";
    }
  }
  PipelineOptions popts;
  popts.gazetteer = gazetteer ? &*gazetteer : nullptr;
  popts.explain = o.explain;
  popts.lang = o.lang;
  if (!o.published.empty()) popts.published = o.published;
  std::unique_ptr<Pipeline> pipeline;
  try {
    pipeline = std::make_unique<Pipeline>(*languages, popts);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }

  ReaderOptions ropts;
  if (o.input_format == "text") ropts.forced_format = InputFormat::Text;
  if (o.input_format == "html") ropts.forced_format = InputFormat::Html;
  if (o.input_format == "jsonl") ropts.forced_format = InputFormat::Jsonl;
  InputReader reader(inputs, ropts);

  auto writer = make_event_writer(o.format, *out);
  const bool events_out = !o.emit_text && !o.emit_conllu && !o.annotations && !o.explain;
  if (events_out) writer->begin();
  bool first_text = true;
  int threads = o.threads > 0 ? o.threads
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  BatchCounts counts;
  try {
    counts = run_batch(reader, *pipeline, threads, [&](ProcessedDocument& processed) {
      if (processed.problem) {
        std::cerr << "vigie: " << processed.problem->describe() << "\n";
        return;
      }
      if (o.emit_text) {
        if (!first_text) *out << "\f\n";
        first_text = false;
        std::string text = processed.doc->clean_text();
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        *out << text << "\n";
      } else if (o.emit_conllu) {
        write_conllu(*processed.doc, *out);
      } else if (o.annotations) {
        write_annotations(*processed.doc, gazetteer ? &*gazetteer : nullptr, *out);
      } else if (o.explain) {
        write_explanation(*processed.doc, processed.explained, *out);
      } else {
        for (const auto& e : processed.events) writer->write(e);
      }
    });
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
  if (events_out) writer->end();
  out->flush();
  if (!*out) {
    std::cerr << "vigie: error writing " << (o.output == "-" ? "standard output" : o.output)
              << "\n";
    return kExitFatal;
  }
  if (!o.quiet) {
    std::cerr << "vigie: " << counts.documents << " document(s), " << counts.events << " event(s), "
              << counts.failed << " failed\n";
  }
  return counts.failed ? kExitSomeFailed : kExitOk;
}

}  // namespace vigie
