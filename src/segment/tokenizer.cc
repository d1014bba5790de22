#include "segment/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include <stdexcept>

#include "segment/utf8_break_text.h"
#include "text/folding.h"
#include "util/utf8.h"

namespace vigie {
namespace {

char32_t first_cp(std::string_view s) {
  std::size_t p = 0;
  return s.empty() ? 0 : utf8::decode(s, p);
}

bool is_hyphen(std::string_view s) {
  return s == "-" || s == "\u2011" || s == "\u2010";
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Spaces that may separate thousands in French: space, no-break, narrow no-break, thin.
bool is_group_separator(std::string_view gap) {
  return gap == " " || gap == "\u00A0" || gap == "\u202F" || gap == "\u2009";
}

TokenKind kind_of(std::string_view s, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT)
    return TokenKind::Number;
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::Word;
  const auto cp = static_cast<UChar32>(first_cp(s));
  if (u_isdigit(cp)) return TokenKind::Number;
  if (u_isalpha(cp)) return TokenKind::Word;
  if (u_ispunct(cp)) return TokenKind::Punct;
  return TokenKind::Symbol;
}

// "U.S" (ICU keeps inner periods) + "." → an initialism whose final period belongs to it.
bool is_initialism(std::string_view s) {
  if (s.size() < 3) return false;
  bool expect_letter = true;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = utf8::decode(s, pos);
    if (expect_letter != static_cast<bool>(u_isalpha(static_cast<UChar32>(cp)))) return false;
    if (!expect_letter && cp != '.') return false;
    expect_letter = !expect_letter;
  }
  return !expect_letter;
}

}  // namespace

Tokenizer::Tokenizer(const LanguagePack& pack) : pack_(pack) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(icu::BreakIterator::createWordInstance(icu::Locale(pack.code.c_str()), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create word iterator");
  for (const auto& a : pack.abbreviations) abbreviations_.insert(fold(a));
}

Tokenizer::~Tokenizer() = default;

std::vector<Tokenizer::Piece> Tokenizer::raw_pieces(std::string_view text, Span range) {
  std::vector<Piece> pieces;
  const std::string_view sub = text.substr(range.begin, range.size());
  const Utf8BreakText breaks(*iterator_, sub);
  std::int32_t start = iterator_->first();
  for (std::int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator_->next()) {
    const std::string_view s = sub.substr(start, end - start);
    if (u_isUWhiteSpace(static_cast<UChar32>(first_cp(s)))) continue;
    pieces.push_back({{range.begin + static_cast<std::uint32_t>(start),
                       range.begin + static_cast<std::uint32_t>(end)},
                      kind_of(s, iterator_->getRuleStatus())});
  }
  return pieces;
}

void Tokenizer::join_hyphens(std::string_view text, std::vector<Piece>& pieces) const {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece p = pieces[i];
    while (i + 2 < pieces.size() && p.kind != TokenKind::Punct && p.kind != TokenKind::Symbol &&
           pieces[i + 1].span.begin == p.span.end &&
           is_hyphen(text.substr(pieces[i + 1].span.begin, pieces[i + 1].span.size())) &&
           pieces[i + 2].span.begin == pieces[i + 1].span.end &&
           (pieces[i + 2].kind == TokenKind::Word || pieces[i + 2].kind == TokenKind::Number)) {
      if (pack_.hyphens == HyphenPolicy::Split &&
          !pack_.hyphen_prefixes.count(fold(text.substr(p.span.begin, p.span.size())))) {
        break;
      }
      p.span.end = pieces[i + 2].span.end;
      if (pieces[i + 2].kind == TokenKind::Word) p.kind = TokenKind::Word;
      i += 2;
    }
    out.push_back(p);
  }
  pieces.swap(out);
}

void Tokenizer::join_numbers(std::string_view text, std::vector<Piece>& pieces) const {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece p = pieces[i];
    // Clock times "2:30", "14:05": hours, a colon, two digits, with nothing in between.
    if (p.kind == TokenKind::Number && p.span.size() <= 2 && i + 2 < pieces.size() &&
        all_digits(text.substr(p.span.begin, p.span.size())) && text[p.span.end] == ':' &&
        pieces[i + 1].span == Span{p.span.end, p.span.end + 1} &&
        pieces[i + 2].span.begin == p.span.end + 1 && pieces[i + 2].span.size() == 2 &&
        all_digits(text.substr(pieces[i + 2].span.begin, 2))) {
      p.span.end = pieces[i + 2].span.end;
      out.push_back(p);
      i += 2;
      continue;
    }
    if (pack_.thousands_space && p.kind == TokenKind::Number && p.span.size() <= 3 &&
        all_digits(text.substr(p.span.begin, p.span.size()))) {
      while (i + 1 < pieces.size() && pieces[i + 1].kind == TokenKind::Number) {
        const Piece& next = pieces[i + 1];
        const std::string_view gap = text.substr(p.span.end, next.span.begin - p.span.end);
        const std::string_view digits = text.substr(next.span.begin, next.span.size());
        // "1 200", "1 200 000", "2 500,5": the group after the space has exactly three digits.
        const std::string_view head = digits.substr(0, digits.find(','));
        if (!is_group_separator(gap) || head.size() != 3 || !all_digits(head)) break;
        p.span.end = next.span.end;
        ++i;
      }
    }
    out.push_back(p);
  }
  pieces.swap(out);
}

void Tokenizer::join_periods(std::string_view text, std::vector<Piece>& pieces) {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece p = pieces[i];
    const std::string_view s = text.substr(p.span.begin, p.span.size());
    const bool period_follows = i + 1 < pieces.size() && pieces[i + 1].span.begin == p.span.end &&
                                text[pieces[i + 1].span.begin] == '.' &&
                                pieces[i + 1].span.size() == 1;
    if (p.kind == TokenKind::Word && period_follows) {
      const std::string with_period = fold(s) + ".";
      if (abbreviations_.count(with_period) || is_initialism(std::string(s) + ".")) {
        p.span.end += 1;
        ++i;
      }
    } else if (s == "." || s == "-") {
      // "..." and "--" are one token each.
      while (i + 1 < pieces.size() && pieces[i + 1].span.begin == p.span.end &&
             text.substr(pieces[i + 1].span.begin, pieces[i + 1].span.size()) == s) {
        p.span.end = pieces[++i].span.end;
      }
    }
    out.push_back(p);
  }
  pieces.swap(out);
}

namespace {

bool has_apostrophe(std::string_view s) {
  return s.find('\'') != std::string_view::npos || s.find("\u2019") != std::string_view::npos;
}

// Byte offset just after the first apostrophe (' or ’) of `s`, or npos.
std::size_t after_first_apostrophe(std::string_view s) {
  const std::size_t straight = s.find('\'');
  const std::size_t curly = s.find("\u2019");
  if (curly != std::string_view::npos && (straight == std::string_view::npos || curly < straight)) {
    return curly + 3;
  }
  return straight == std::string_view::npos ? straight : straight + 1;
}

// Byte offset of the last apostrophe (' or ’) of `s`, or npos.
std::size_t last_apostrophe(std::string_view s) {
  const std::size_t straight = s.rfind('\'');
  const std::size_t curly = s.rfind("\u2019");
  if (curly != std::string_view::npos && (straight == std::string_view::npos || curly > straight)) {
    return curly;
  }
  return straight;
}

}  // namespace

void Tokenizer::emit(Span span, TokenKind kind, bool elided, std::vector<Token>& out) {
  Token t;
  t.span = span;
  t.kind = kind;
  t.elided = elided;
  out.push_back(std::move(t));
}

// Elided words in front (« l' », « jusqu' »), possibly several; returns what is left.
Span Tokenizer::split_elisions(std::string_view text, Span span, std::vector<Token>& out) {
  while (!span.empty()) {
    const std::string_view s = text.substr(span.begin, span.size());
    if (!has_apostrophe(s) || pack_.elision_exceptions.count(fold(s))) break;
    const std::size_t cut = after_first_apostrophe(s);
    if (cut >= s.size() || !pack_.elisions.count(fold(s.substr(0, cut)))) break;
    emit({span.begin, span.begin + static_cast<std::uint32_t>(cut)}, TokenKind::Word, true, out);
    span.begin += static_cast<std::uint32_t>(cut);
  }
  return span;
}

// Inverted clitics at the end, possibly stacked (« a-t-il », « donnez-le-moi »), innermost
// first in `clitics`; returns what is left.
Span Tokenizer::split_clitics(std::string_view text, Span span, std::vector<Span>& clitics) {
  while (text.substr(span.begin, span.size()).find('-') != std::string_view::npos) {
    const std::string f = fold(text.substr(span.begin, span.size()));
    bool found = false;
    for (const auto& suffix : pack_.clitic_suffixes) {
      if (f.size() <= suffix.size() || !f.ends_with(suffix)) continue;
      // Clitic suffixes are ASCII, so the original's tail has the suffix's length in bytes.
      const std::uint32_t cut = span.end - static_cast<std::uint32_t>(suffix.size());
      if (fold(text.substr(cut, span.end - cut)) != suffix) continue;
      clitics.insert(clitics.begin(), {cut, span.end});
      span.end = cut;
      found = true;
      break;
    }
    if (!found) break;
  }
  return span;
}

// Contractions at the end: "didn't" → "did" "n't", "Mali's" → "Mali" "'s". Returns the cut
// offset inside `span`, or 0 when there is none.
std::uint32_t Tokenizer::contraction_cut(std::string_view text, Span span) {
  const std::string_view s = text.substr(span.begin, span.size());
  if (pack_.contraction_suffixes.empty() || !has_apostrophe(s)) return 0;
  const std::size_t apos = last_apostrophe(s);
  const std::string f = fold(s);
  for (const auto& suffix : pack_.contraction_suffixes) {
    if (!f.ends_with(suffix)) continue;
    const std::size_t cut = suffix[0] == '\'' ? apos : apos - 1;
    if (cut == 0 || cut > apos) continue;
    return static_cast<std::uint32_t>(cut);
  }
  return 0;
}

void Tokenizer::split_affixes(std::string_view text, const std::vector<Piece>& pieces,
                              std::vector<Token>& tokens) {
  const std::size_t first = tokens.size();
  std::vector<Span> clitics;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Span span = pieces[i].span;
    if (pieces[i].kind != TokenKind::Word) {
      emit(span, pieces[i].kind, false, tokens);
      continue;
    }
    // « l' armée », with the apostrophe as a piece of its own.
    if (i + 1 < pieces.size() && pieces[i + 1].span.begin == span.end &&
        has_apostrophe(text.substr(pieces[i + 1].span.begin, pieces[i + 1].span.size())) &&
        pack_.elisions.count(fold(text.substr(span.begin, pieces[i + 1].span.end - span.begin)))) {
      emit({span.begin, pieces[++i].span.end}, TokenKind::Word, true, tokens);
      continue;
    }
    span = split_elisions(text, span, tokens);
    if (span.empty()) continue;
    clitics.clear();
    span = split_clitics(text, span, clitics);
    if (const std::uint32_t cut = contraction_cut(text, span)) {
      emit({span.begin, span.begin + cut}, TokenKind::Word, false, tokens);
      emit({span.begin + cut, span.end}, TokenKind::Word, false, tokens);
    } else {
      emit(span, TokenKind::Word, false, tokens);
    }
    for (const Span& c : clitics) emit(c, TokenKind::Word, false, tokens);
  }
  for (std::size_t i = first; i < tokens.size(); ++i) {
    const std::uint32_t end = tokens[i].span.end;
    tokens[i].space_after = i + 1 < tokens.size() ? tokens[i + 1].span.begin > end : true;
  }
}

void Tokenizer::tokenize(std::string_view text, Span range, std::vector<Token>& out) {
  std::vector<Piece> pieces = raw_pieces(text, range);
  join_hyphens(text, pieces);
  join_numbers(text, pieces);
  join_periods(text, pieces);
  split_affixes(text, pieces, out);
}

std::vector<Token> Tokenizer::tokenize(std::string_view text, Span range) {
  std::vector<Token> out;
  tokenize(text, range, out);
  return out;
}

void Tokenizer::annotate(Document& doc) {
  doc.tokens.clear();
  doc.tokens.reserve(doc.text().size() / 5);  // about one token per five bytes of news text
  for (auto& sentence : doc.sentences) {
    sentence.first_token = static_cast<std::uint32_t>(doc.tokens.size());
    tokenize(doc.text(), sentence.span, doc.tokens);
    sentence.token_count = static_cast<std::uint32_t>(doc.tokens.size()) - sentence.first_token;
  }
}

}  // namespace vigie
