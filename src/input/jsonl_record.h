#pragma once
#include <string>
#include <string_view>

#include "input/raw_document.h"

namespace vigie {

/// Reads one JSON Lines record {id, url, title, text | html, published, source, lang} into a raw
/// document, or explains why the line is not one.
InputItem parse_jsonl_record(std::string_view line, const std::string& path, std::size_t line_no);

/// "2022-04-25T10:00:00Z" or "2022-04-25" → "2022-04-25"; nullopt when not an ISO date or not
/// a plausible one for news (years 1900–2199: pages carry placeholders such as 0001-01-01).
std::optional<std::string> iso_date_prefix(std::string_view value);

}  // namespace vigie
