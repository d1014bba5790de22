#include "cli/extract_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/reading.h"
#include "output/annotations_writer.h"
#include "output/conllu_writer.h"
#include "output/event_writer.h"
#include "output/explanation_writer.h"
#include "pipeline/batch_runner.h"
#include "util/tsv.h"

namespace vigie {
namespace {

// What --emit-text prints of a document: its clean text without trailing blank space and,
// without_headline, without the headline an HTML page starts with (it has a field of its own).
std::string printed_text(const Document& doc, bool without_headline) {
  std::string text = doc.clean_text();
  if (without_headline && doc.headline && doc.exclusions.empty()) {
    text.erase(0, doc.headline->end);
    text.erase(0, std::min(text.find_first_not_of("\n "), text.size()));
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// One document's article text and what the page says about itself (--emit-text --format jsonl).
nlohmann::ordered_json text_json(const Document& doc) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::ordered_json {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json j;
  j["id"] = doc.meta.id;
  j["file"] = doc.origin().path;
  j["title"] = opt(doc.meta.title);
  j["source"] = opt(doc.meta.source);
  j["url"] = opt(doc.meta.url);
  j["published"] = opt(doc.meta.published);
  j["lang"] = doc.language.code;
  j["text"] = printed_text(doc, /*without_headline=*/true);
  return j;
}

}  // namespace

void add_extract_command(CLI::App& app, ExtractOptions& o) {
  auto* cmd = add_reading_options(app, "extract", "Extract event records from articles", o);
  cmd->add_option("-o,--output", o.output, "Output file (default: standard output)");
  cmd->add_option("--format,-f", o.format, "Output format")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}))
      ->capture_default_str()
      ->each([&o](const std::string&) { o.format_given = true; });
  cmd->add_flag(
      "--emit-text", o.emit_text,
      "Print the cleaned article text instead of events (documents separated by a form feed "
      "line; with --format jsonl, one JSON object per document: its metadata, its headline as "
      "title and the rest as text). Works in "
      "any language");
  cmd->add_flag("--annotations", o.annotations,
                "Print every mention (span, text, resolved value, rule) instead of events: one "
                "tab-separated line each, or one JSON object each with --format jsonl");
  cmd->add_flag("--emit-conllu", o.emit_conllu,
                "Print sentences, tokens, lemmas and parts of speech as CoNLL-U instead of events");
}

void add_explain_command(CLI::App& app, ExtractOptions& o) {
  o.explain = true;
  auto* cmd = add_reading_options(app, "explain",
                                  "Print each event with its event word, the rules that fired "
                                  "and, for every field, the words chosen and why",
                                  o);
  cmd->add_option("-o,--output", o.output, "Output file (default: standard output)");
}

int run_extract(const ExtractOptions& o) {
  if (o.annotations && o.format_given && o.format != "jsonl") {
    std::cerr << "vigie: --annotations prints lines of text, or JSON lines with --format jsonl; "
                 "not "
              << o.format << "\n";
    return kExitUsage;
  }
  if (o.emit_text && o.format_given && o.format != "jsonl") {
    std::cerr << "vigie: --emit-text prints text, or JSON lines with --format jsonl; not "
              << o.format << "\n";
    return kExitUsage;
  }
  ReadingSetup setup;
  if (const int rc = prepare_reading(o, o.explain ? "explain" : "extract", setup); rc != kExitOk) {
    return rc;
  }
  const auto& gazetteer = setup.gazetteer;
  auto& pipeline = setup.pipeline;
  InputReader reader(setup.inputs, setup.reader);

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

  auto writer = make_event_writer(o.format, *out);
  const bool events_out = !o.emit_text && !o.emit_conllu && !o.annotations && !o.explain;
  if (events_out) writer->begin();
  bool first_text = true;
  BatchCounts counts;
  try {
    counts = run_batch(reader, *pipeline, setup.threads, [&](ProcessedDocument& processed) {
      if (processed.problem) {
        std::cerr << "vigie: " << processed.problem->describe() << "\n";
        return;
      }
      if (o.emit_text && o.format_given) {
        *out << text_json(*processed.doc)
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
             << "\n";
      } else if (o.emit_text) {
        if (!first_text) *out << "\f\n";
        first_text = false;
        *out << printed_text(*processed.doc, /*without_headline=*/false) << "\n";
      } else if (o.emit_conllu) {
        write_conllu(*processed.doc, *out);
      } else if (o.annotations && o.format_given) {
        write_annotations_jsonl(*processed.doc, gazetteer ? &*gazetteer : nullptr, *out);
      } else if (o.annotations) {
        write_annotations(*processed.doc, gazetteer ? &*gazetteer : nullptr, *out);
      } else if (o.explain) {
        write_explanation(*processed.doc, processed.explained, processed.left_out, *out);
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
