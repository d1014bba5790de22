#include "cli/ingest_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>

#include "cli/progress.h"
#include "cli/reading.h"
#include "pipeline/batch_runner.h"
#include "store/event_store.h"

namespace vigie {

namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C (or SIGTERM) stops reading: documents in flight are finished and committed,
// so a re-run goes on where this one stopped. A second one kills as usual.
extern "C" void on_interrupt(int sig) {
  g_interrupted.store(true);
  std::signal(sig, SIG_DFL);
}

}  // namespace

void add_ingest_command(CLI::App& app, IngestOptions& o) {
  auto* cmd = add_reading_options(
      app, "ingest",
      "Run the pipeline and keep documents, event records, evidence and incidents in a store; "
      "documents already stored (same bytes) are skipped, so an interrupted run can be re-run",
      o.reading);
  cmd->add_option("--db", o.db,
                  "The store: an SQLite file (created if missing) or a postgresql:// URI")
      ->capture_default_str();
}

int run_ingest(const IngestOptions& o) {
  ReadingSetup setup;
  if (const int rc = prepare_reading(o.reading, "ingest", setup); rc != kExitOk) return rc;
  std::unique_ptr<EventStore> store;
  std::unordered_set<std::string> known;
  try {
    store = open_event_store(o.db);
    known = store->document_hashes();
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }

  g_interrupted.store(false);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);

  ProgressReporter progress(std::cerr, isatty(STDERR_FILENO) != 0, !o.reading.quiet);
  ProgressCounts counts;
  std::atomic<std::size_t> skipped{0};
  BatchControl control;
  control.stop = &g_interrupted;
  // Runs on the reading thread; `known` is only read there once the batch has started.
  control.admit = [&](const RawDocument& raw) {
    if (known.count(raw.meta.content_hash) == 0) return true;
    skipped.fetch_add(1);
    return false;
  };
  InputReader reader(setup.inputs, setup.reader);
  bool store_failed = false;
  try {
    run_batch(
        reader, *setup.pipeline, setup.threads,
        [&](ProcessedDocument& processed) {
          if (processed.problem) {
            ++counts.failed;
            std::cerr << (isatty(STDERR_FILENO) ? "\r\033[K" : "")
                      << "vigie: " << processed.problem->describe() << "\n";
          } else if (!store_failed) {
            try {
              const auto outcome = store->add_document(*processed.doc, processed.events);
              if (outcome.added) {
                ++counts.documents;
                counts.events += static_cast<std::size_t>(outcome.events);
                counts.incidents_joined += static_cast<std::size_t>(outcome.joined_incidents);
              } else {
                skipped.fetch_add(1);  // stored meanwhile by another ingest, or twice in input
              }
            } catch (const std::exception& e) {
              // The store is unusable (disk full, file removed): stop, keep what is committed.
              std::cerr << "\nvigie: " << o.db << ": " << e.what() << "\n";
              store_failed = true;
              g_interrupted.store(true);
            }
          }
          counts.skipped = skipped.load();
          progress.update(counts);
        },
        control);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  counts.skipped = skipped.load();
  progress.finish(counts);
  if (store_failed) return kExitFatal;
  if (g_interrupted.load()) {
    std::cerr << "vigie: interrupted; what is stored stays, run the same command to go on\n";
    return kExitSomeFailed;
  }
  return counts.failed ? kExitSomeFailed : kExitOk;
}

}  // namespace vigie
