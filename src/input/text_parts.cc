#include "input/text_parts.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "input/content_check.h"
#include "util/content_hash.h"
#include "util/utf8.h"

namespace vigie {

std::size_t text_part_end(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text.size();
  const std::string_view window = text.substr(0, limit);
  const std::size_t blank = window.rfind("\n\n");
  const std::size_t newline = window.rfind('\n');
  if (blank != std::string_view::npos && blank >= limit / 2) return blank + 2;
  if (newline != std::string_view::npos && newline >= limit / 2) return newline + 1;
  return utf8::safe_prefix_length(text, limit);
}

std::vector<RawDocument> cut_into_parts(RawDocument raw, std::size_t limit) {
  std::vector<RawDocument> parts;
  if (raw.format != InputFormat::Text || raw.bytes.size() <= limit || limit == 0) {
    parts.push_back(std::move(raw));
    return parts;
  }
  std::string_view rest = raw.bytes;
  std::uint64_t code_points = raw.origin.base_code_point;
  std::size_t number = 0;
  while (!rest.empty()) {
    std::size_t end = text_part_end(rest, limit);
    if (end == 0) end = std::min(rest.size(), limit);  // no whole code point: bytes as they are
    const std::string_view bytes = rest.substr(0, end);
    rest.remove_prefix(end);
    ++number;
    const std::uint64_t base = code_points;
    code_points += utf8::count_code_points(bytes);
    if (is_blank(bytes)) continue;
    RawDocument part;
    part.bytes = std::string(bytes);
    part.format = raw.format;
    part.origin = raw.origin;
    part.origin.part = number;
    part.origin.base_code_point = base;
    part.meta = raw.meta;
    part.meta.id = raw.meta.id + "#part" + std::to_string(number);
    part.meta.content_hash = content_hash(part.bytes);
    parts.push_back(std::move(part));
  }
  if (parts.empty()) parts.push_back(std::move(raw));  // blank throughout: the pipeline says so
  return parts;
}

}  // namespace vigie
