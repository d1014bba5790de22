#include "text/folding.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "util/utf8.h"

namespace vigie {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return *n;
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  return *n;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return *n;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Locale-free: std::tolower consults the C locale on every call.
std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

}  // namespace

std::string normalize_nfc(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString out = nfc().normalize(src, status);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) {
    // Most tokens are ASCII: lower-casing is the whole fold, without ICU's conversions.
    return ascii_lower(utf8);
  }
  UErrorCode status = U_ZERO_ERROR;
  const auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  const icu::UnicodeString folded = nfkc_casefold().normalize(src, status);
  const icu::UnicodeString decomposed = nfd().normalize(folded, status);
  std::string out;
  out.reserve(utf8.size());
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) == U_NON_SPACING_MARK) continue;
    char32_t mapped = static_cast<char32_t>(cp);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4) mapped = '\'';
    if (cp == 0x2010 || cp == 0x2011) mapped = '-';
    utf8::append(out, mapped);
  }
  return out;
}

std::string without_accents(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  const icu::UnicodeString decomposed = nfd().normalize(src, status);
  std::string out;
  out.reserve(utf8.size());
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) != U_NON_SPACING_MARK) utf8::append(out, static_cast<char32_t>(cp));
  }
  return normalize_nfc(out);
}

std::string lower(std::string_view utf8) {
  if (is_ascii(utf8)) {
    return ascii_lower(utf8);
  }
  auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s.toLower(icu::Locale::getRoot());
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool starts_upper(std::string_view utf8) {
  if (utf8.empty()) return false;
  std::size_t pos = 0;
  return u_isupper(static_cast<UChar32>(utf8::decode(utf8, pos)));
}

}  // namespace vigie
