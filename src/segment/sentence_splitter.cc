#include "segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include <cctype>
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
  // The word starts after a space, a bracket, a quote or an elided article (« l'art. 5 »).
  std::size_t start = before.find_last_of(" \t\n(\"'");
  start = start == std::string_view::npos ? 0 : start + 1;
  if (const std::size_t curly = before.rfind("\u2019");
      curly != std::string_view::npos && curly + 3 > start)
    start = curly + 3;
  const std::string_view last_word = before.substr(start);
  if (last_word.empty() || last_word.back() != '.') return false;
  if (abbreviations_.count(std::string(last_word))) return true;
  // An initial: one upper-case letter and a period ("J. P. Ouédraogo").
  std::size_t pos = 0;
  const char32_t first = utf8::decode(last_word, pos);
  return pos + 1 == last_word.size() && u_isupper(static_cast<UChar32>(first));
}

SentenceSplitter::~SentenceSplitter() = default;

// ICU does not break before a number followed by a lower-case word (its rule for "e.g. 5
// apples"), but news opens sentences with figures: "… in Nyapaga (Yamba, Gourma). 7 people
// were killed", « … à Djibo. 3 soldats tués ». Returns where such a sentence starts in
// [b, e): after a stop that follows a word of two letters or more (not an abbreviation) or a
// closing bracket or quote, then spaces, then a digit; npos where there is none.
std::size_t SentenceSplitter::number_opening_a_sentence(std::string_view piece, std::size_t b,
                                                        std::size_t e) const {
  for (std::size_t stop = b + 1; stop + 2 < e; ++stop) {
    const char c = piece[stop];
    if (c != '.' && c != '!' && c != '?') continue;
    auto letter = [&](std::size_t at) {
      const auto byte = static_cast<unsigned char>(piece[at]);
      return std::isalpha(byte) || byte >= 0x80;
    };
    const auto before = static_cast<unsigned char>(piece[stop - 1]);
    // A word of two letters at least: « vers 8 h. 30 » is a time.
    const bool after_word = stop >= b + 2 && letter(stop - 1) && letter(stop - 2);
    if (!after_word && before != ')' && before != ']' && before != '"') continue;
    std::size_t p = stop + 1;
    while (p < e && (piece[p] == ')' || piece[p] == '"')) ++p;
    const std::size_t gap = p;
    while (p < e && (piece[p] == ' ' || piece[p] == '\n' || piece[p] == '\t')) ++p;
    if (p == gap || p >= e || !std::isdigit(static_cast<unsigned char>(piece[p]))) continue;
    if (c == '.' && ends_with_abbreviation(piece.substr(b, stop + 1 - b))) continue;
    return p;
  }
  return std::string_view::npos;
}

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
    for (std::size_t next = number_opening_a_sentence(piece, b, e); next != std::string_view::npos;
         next = number_opening_a_sentence(piece, b, e)) {
      std::size_t end_of_first = next;
      while (end_of_first > b && is_space(static_cast<unsigned char>(piece[end_of_first - 1])))
        --end_of_first;
      out.push_back({static_cast<std::uint32_t>(range.begin + b),
                     static_cast<std::uint32_t>(range.begin + end_of_first)});
      b = next;
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
