#pragma once
// Language data is plain TSV: one record a line, '#' starts a comment line, blank lines ignored.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie {

struct TsvRow {
  std::size_t line = 0;  ///< 1-based, for error messages
  std::vector<std::string> fields;
};

/// Reads every row of a TSV file; throws DataError naming the file when it cannot be read.
std::vector<TsvRow> read_tsv(const std::filesystem::path& path);

/// The variants of a field written « a|b|c » (a field without '|' is its only variant).
std::vector<std::string> split_variants(std::string_view field);

/// Problems in vigie's own data files: "path:line: message".
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vigie
