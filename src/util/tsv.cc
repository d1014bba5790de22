#include "util/tsv.h"

#include <fstream>

#include "util/utf8.h"

namespace vigie {

std::vector<TsvRow> read_tsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path.string() + ": cannot open");
  std::vector<TsvRow> rows;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (utf8::first_invalid_byte(line)) {
      throw DataError(path.string() + ":" + std::to_string(line_no) + ": invalid UTF-8");
    }
    TsvRow row{line_no, {}};
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> split_variants(std::string_view field) {
  std::vector<std::string> out;
  while (!field.empty()) {
    const auto bar = field.find('|');
    out.emplace_back(field.substr(0, bar));
    field = bar == std::string_view::npos ? std::string_view() : field.substr(bar + 1);
  }
  return out;
}

}  // namespace vigie
