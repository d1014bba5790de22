#pragma once
// UTF-8 helpers that work on byte offsets; the document model stores byte offsets and converts
// to code points only at output, where the event contract asks for them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::utf8 {

/// Where a byte sequence stops being valid UTF-8, or nullopt when all of it is valid.
/// Rejects overlong forms, surrogates and code points above U+10FFFF (RFC 3629).
std::optional<std::size_t> first_invalid_byte(std::string_view bytes);

/// Decodes the code point at `pos` (which must start a valid sequence) and advances `pos`.
char32_t decode(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

/// Number of code points in a valid UTF-8 string.
std::size_t count_code_points(std::string_view s);

/// Length in bytes of a valid UTF-8 prefix of at most `max_bytes` that does not cut a sequence.
std::size_t safe_prefix_length(std::string_view s, std::size_t max_bytes);

/// Line (1-based) and column (1-based, in code points) of byte offset `pos`.
struct LineColumn {
  std::size_t line;
  std::size_t column;
};
LineColumn line_column(std::string_view s, std::size_t pos);

}  // namespace vigie::utf8
