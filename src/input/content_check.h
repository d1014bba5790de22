#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace vigie {

/// Why `bytes` cannot be read as UTF-8 text, or nullopt when they can. `base_offset` is added to
/// byte offsets in the message so that it names the position in the whole file.
std::optional<std::string> check_text_content(std::string_view bytes, std::size_t base_offset = 0);

/// Strips a UTF-8 byte order mark; returns how many bytes were removed.
std::size_t strip_utf8_bom(std::string& bytes);

/// True when the text holds nothing but whitespace.
bool is_blank(std::string_view text);

}  // namespace vigie
