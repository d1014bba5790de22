#include "segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include <stdexcept>

#include "segment/utf8_break_text.h"
#include "util/utf8.h"

namespace vigie {
namespace {

bool is_space(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

// Quotes and brackets that close a sentence: ICU breaks before « » » when a space precedes it.
// Straight quotes and ’ open as often as they close: they count as closers only before a space.
bool is_closer(std::string_view s, std::size_t pos_after, char32_t cp) {
  if (cp == 0x00BB || cp == 0x201D || cp == ')' || cp == ']' || cp == 0x203A) return true;
  if (cp != '"' && cp != 0x2019) return false;
  if (pos_after >= s.size()) return true;
  std::size_t p = pos_after;
  return u_isUWhiteSpace(static_cast<UChar32>(utf8::decode(s, p)));
}

}  // namespace

SentenceSplitter::SentenceSplitter(const LanguagePack& pack)
    : abbreviations_(pack.abbreviations.begin(), pack.abbreviations.end()) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale(pack.code.c_str()), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create sentence iterator");
}

// ICU's own FilteredBreakIterator was tried first: it ignores entries with inner periods
// ("U.N."), and an entry such as "J.-C." stops "J." from matching, so vigie applies the
// abbreviation list itself. `before` is the text up to a proposed break, spaces trimmed.
bool SentenceSplitter::ends_with_abbreviation(std::string_view before) const {
  const std::size_t space = before.find_last_of(" \t\n(\"");
  const std::string_view last_word =
      space == std::string_view::npos ? before : before.substr(space + 1);
  if (last_word.empty() || last_word.back() != '.') return false;
  if (abbreviations_.count(std::string(last_word))) return true;
  // An initial: one upper-case letter and a period ("J. P. Ouédraogo").
  std::size_t pos = 0;
  const char32_t first = utf8::decode(last_word, pos);
  return pos + 1 == last_word.size() && u_isupper(static_cast<UChar32>(first));
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<Span> SentenceSplitter::split(std::string_view text, Span range) {
  std::vector<Span> out;
  const std::string_view piece = text.substr(range.begin, range.size());
  const Utf8BreakText breaks(*iterator_, piece);
  std::int32_t start = iterator_->first();
  for (std::int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       end = iterator_->next()) {
    if (static_cast<std::size_t>(end) < piece.size()) {
      std::size_t trimmed_end = end;
      while (trimmed_end > static_cast<std::size_t>(start) &&
             std::isspace(static_cast<unsigned char>(piece[trimmed_end - 1]))) {
        --trimmed_end;
      }
      if (ends_with_abbreviation(piece.substr(start, trimmed_end - start))) continue;
    }
    std::size_t b = start, e = end;
    start = end;
    // Trim whitespace on both sides.
    while (b < e) {
      std::size_t p = b;
      if (!is_space(utf8::decode(piece, p))) break;
      b = p;
    }
    while (e > b) {
      std::size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(piece[p]) & 0xC0) == 0x80) --p;
      std::size_t q = p;
      if (!is_space(utf8::decode(piece, q))) break;
      e = p;
    }
    if (b >= e) continue;
    // Closing quotes that ICU put at the start of this sentence (« … fin. » Il dit) close the
    // previous one.
    if (!out.empty()) {
      std::size_t p = b, last_closer_end = b;
      while (p < e) {
        std::size_t q = p;
        const char32_t cp = utf8::decode(piece, q);
        if (is_closer(piece, q, cp)) {
          last_closer_end = q;
        } else if (!is_space(cp)) {
          break;
        }
        p = q;
      }
      if (last_closer_end > b) {
        out.back().end = static_cast<std::uint32_t>(range.begin + last_closer_end);
        b = last_closer_end;
        while (b < e) {
          std::size_t q = b;
          if (!is_space(utf8::decode(piece, q))) break;
          b = q;
        }
        if (b >= e) continue;
      }
    }
    out.push_back(
        {static_cast<std::uint32_t>(range.begin + b), static_cast<std::uint32_t>(range.begin + e)});
  }
  return out;
}

void SentenceSplitter::annotate(Document& doc) {
  doc.sentences.clear();
  for (const Span& para : doc.paragraphs) {
    for (const Span& s : split(doc.text(), para)) doc.sentences.push_back({s, 0, 0});
  }
}

}  // namespace vigie
