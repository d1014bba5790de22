#pragma once
#include <string>

#include "cli/extract_command.h"

namespace vigie {

struct IngestOptions {
  ExtractOptions reading;
  std::string db = "vigie.db";
};

/// Adds `vigie ingest`: the pipeline over the inputs, every document and record into a store.
void add_ingest_command(CLI::App& app, IngestOptions& options);

int run_ingest(const IngestOptions& options);

}  // namespace vigie
