#pragma once
#include <string>
#include <utility>
#include <vector>

#include "cli/extract_command.h"

namespace vigie {

struct QueryOptions {
  std::string db = "vigie.db";
  std::vector<std::pair<std::string, std::string>> filters;  ///< (name, value) as given
  std::string format = "table";
  bool incidents = false;
  std::vector<std::string> by;  ///< vigie stats: week, month, type, country, actor
  bool json = false;            ///< vigie stats
  std::string output = "-";
};

/// Adds `vigie query` (records or incidents of a store, filtered, in a format).
void add_query_command(CLI::App& app, QueryOptions& options);
/// Adds `vigie stats` (counts of records, incidents and deaths by week, month, type, country…).
void add_stats_command(CLI::App& app, QueryOptions& options);

int run_query(const QueryOptions& options);
int run_stats(const QueryOptions& options);

}  // namespace vigie
