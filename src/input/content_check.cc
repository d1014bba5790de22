#include "input/content_check.h"

#include "util/utf8.h"

namespace vigie {

std::optional<std::string> check_text_content(std::string_view bytes, std::size_t base_offset) {
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return "UTF-16 text is not supported; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)";
  }
  // Control characters other than tab, newlines and form feed mean this is not text; NUL alone
  // is decisive, the others only in numbers a text file would not have.
  std::size_t controls = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return "binary data (NUL byte at byte offset " + std::to_string(base_offset + i) + ")";
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  if (controls > 16 && controls * 100 > bytes.size()) {
    return "binary data (" + std::to_string(controls) + " control bytes)";
  }
  if (auto bad = utf8::first_invalid_byte(bytes)) {
    const auto lc = utf8::line_column(bytes, *bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
    return "invalid UTF-8 at byte offset " + std::to_string(base_offset + *bad) + " (byte " + hex +
           ", line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column) +
           "); vigie reads UTF-8 only";
  }
  return std::nullopt;
}

std::size_t strip_utf8_bom(std::string& bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
    bytes.erase(0, 3);
    return 3;
  }
  return 0;
}

bool is_blank(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = utf8::decode(text, pos);
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
                       cp == 0x0B || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x3000 ||
                       cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B);
    if (!space) return false;
  }
  return true;
}

}  // namespace vigie
