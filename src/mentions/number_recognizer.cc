#include "mentions/number_recognizer.h"

#include <unicode/unistr.h>

#include <cmath>
#include <stdexcept>

#include "segment/tokenizer.h"
#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {

NumberRecognizer::NumberRecognizer(const LanguagePack& pack, Tokenizer& tokenizer) : pack_(pack) {
  UErrorCode status = U_ZERO_ERROR;
  spellout_ = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                           icu::Locale(pack.code.c_str()), status);
  if (U_FAILURE(status)) throw DataError("ICU has no spell-out rules for '" + pack.code + "'");
  // Lenient parsing reads « deux-cent-trois » and "twenty seven"; strict mode misreads them.
  spellout_->setLenient(true);

  const auto file = pack.dir / "numbers.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    auto need = [&](std::size_t n) {
      if (row.fields.size() < n) {
        throw DataError(file.string() + ":" + std::to_string(row.line) + ": expected " +
                        std::to_string(n) + " fields");
      }
    };
    need(2);
    const std::string& kind = row.fields[0];
    const std::string& a = row.fields[1];
    if (kind == "word") {
      words_.insert(fold(a));
    } else if (kind == "joiner") {
      joiners_.insert(fold(a));
    } else if (kind == "article") {
      articles_.insert(fold(a));
    } else if (kind == "multiplier") {
      need(3);
      multipliers_.emplace_back(fold(a), std::stod(row.fields[2]));
    } else if (kind == "vague") {
      need(5);
      vague_.push_back(
          {std::stod(row.fields[2]), std::stod(row.fields[3]), std::stod(row.fields[4]), a});
      vague_matcher_.add(a, static_cast<std::uint32_t>(vague_.size() - 1), tokenizer);
    } else if (kind == "modifier") {
      need(3);
      static const std::pair<const char*, Modifier> kKinds[] = {
          {"at_least", Modifier::AtLeast},
          {"more_than", Modifier::MoreThan},
          {"approximately", Modifier::Approximately},
          {"up_to", Modifier::UpTo},
          {"less_than", Modifier::LessThan},
          {"exactly", Modifier::Exactly}};
      bool known = false;
      for (const auto& [name, m] : kKinds) {
        if (row.fields[2] == name) {
          modifiers_.emplace_back(m, a);
          modifier_matcher_.add(a, static_cast<std::uint32_t>(modifiers_.size() - 1), tokenizer);
          known = true;
        }
      }
      if (!known)
        throw DataError(file.string() + ":" + std::to_string(row.line) + ": unknown modifier kind");
    } else if (kind == "range") {
      need(3);
      ranges_.emplace_back(a, fold(row.fields[2]));
      range_matcher_.add(a, static_cast<std::uint32_t>(ranges_.size() - 1), tokenizer);
    } else if (kind == "range_joiner") {
      bare_range_joiners_.insert(fold(a));
    } else if (kind == "decimal_separator") {
      decimal_separator_ = a[0];
    } else if (kind == "group_separator") {
      group_separator_ = a[0];
    } else {
      throw DataError(file.string() + ":" + std::to_string(row.line) + ": unknown kind '" + kind +
                      "'");
    }
  }
}

NumberRecognizer::~NumberRecognizer() = default;

bool NumberRecognizer::is_number_word(std::string_view folded) const {
  if (words_.count(std::string(folded))) return true;
  // Hyphenated compounds: « vingt-trois », « quatre-vingt-dix », « vingt-et-un ».
  if (folded.find('-') == std::string_view::npos) return false;
  std::size_t start = 0;
  bool any_word = false;
  while (start <= folded.size()) {
    std::size_t end = folded.find('-', start);
    if (end == std::string_view::npos) end = folded.size();
    const std::string part(folded.substr(start, end - start));
    if (words_.count(part)) {
      any_word = true;
    } else if (!joiners_.count(part)) {
      return false;
    }
    start = end + 1;
  }
  return any_word;
}

std::optional<double> NumberRecognizer::digits_value(std::string_view text) const {
  std::string clean;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      clean += c;
    } else if (c == decimal_separator_) {
      clean += '.';
    } else if (c == group_separator_ || c == ' ') {
      continue;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      continue;  // no-break and thin spaces between groups
    } else {
      return std::nullopt;
    }
  }
  if (clean.empty() || clean.front() == '.') return std::nullopt;
  try {
    return std::stod(clean);
  } catch (const std::out_of_range&) {
    return std::nullopt;  // 309 digits and more: no quantity a text reports
  }
}

std::optional<double> NumberRecognizer::spelled_value(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Formattable result;
  icu::ParsePosition pos(0);
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())).toLower();
  spellout_->parse(u, result, pos);
  if (pos.getIndex() == 0 || pos.getErrorIndex() >= 0) return std::nullopt;
  // Anything left unread means the words were not one number ("deux trois").
  if (pos.getIndex() < u.length() && !u.tempSubString(pos.getIndex()).trim().isEmpty())
    return std::nullopt;
  const double v = result.getDouble(status);
  if (U_FAILURE(status)) return std::nullopt;
  return v;
}

// An exact number: digits or spelled out, optionally times a multiplier (« 3,5 millions »).
std::optional<NumberRecognizer::Parsed> NumberRecognizer::exact_at(const Document& doc,
                                                                   std::uint32_t i,
                                                                   std::uint32_t end,
                                                                   bool allow_article) {
  // A modifier or range word may end the sentence ("FATALITIES: estimate only"): nothing follows.
  if (i >= end) return std::nullopt;
  const Token& t = doc.tokens[i];
  Parsed p;
  if (t.kind == TokenKind::Number) {
    const auto v = digits_value(doc.token_text(t));
    if (!v) return std::nullopt;
    p.best = *v;
    p.end = i + 1;
    p.rule = "<digits>";
  } else if (t.kind == TokenKind::Word) {
    std::uint32_t j = i;
    bool last_was_word = false;
    while (j < end) {
      const std::string& f = doc.tokens[j].fold;
      if (is_number_word(f)) {
        last_was_word = true;
        ++j;
      } else if (last_was_word && j + 1 < end && joiners_.count(f) &&
                 is_number_word(doc.tokens[j + 1].fold)) {
        ++j;  // « vingt et un », "two hundred and five", "twenty - three"
      } else {
        break;
      }
    }
    if (j == i) return std::nullopt;
    // « un », « une » alone are articles, not quantities.
    if (j == i + 1 && !allow_article && articles_.count(t.fold)) return std::nullopt;
    // « deux trois » is not one number: shorten the run until what is left reads as one.
    std::optional<double> v;
    for (; j > i && !v; --j) {
      if (j == i + 1 && !allow_article && articles_.count(t.fold)) return std::nullopt;
      const std::uint32_t b = doc.tokens[i].span.begin, e = doc.tokens[j - 1].span.end;
      v = spelled_value(doc.text().substr(b, e - b));
      if (v) break;
    }
    if (!v) return std::nullopt;
    p.best = *v;
    p.end = j;
    p.rule = "<spelled>";
  } else {
    return std::nullopt;
  }
  if (p.end < end) {
    for (const auto& [word, factor] : multipliers_) {
      if (doc.tokens[p.end].fold == word) {
        p.best *= factor;
        ++p.end;
        p.rule += " <multiplier>";
        break;
      }
    }
  }
  p.best = std::round(p.best * 1e6) / 1e6;
  p.low = p.high = p.best;
  return p;
}

// An amount: exact, or vague (« des dizaines »).
std::optional<NumberRecognizer::Parsed> NumberRecognizer::amount_at(const Document& doc,
                                                                    std::uint32_t i,
                                                                    std::uint32_t end,
                                                                    bool allow_article) {
  if (auto v = vague_matcher_.longest_at(doc, i, end)) {
    const Vague& vague = vague_[v->payload];
    Parsed p;
    p.end = i + v->length;
    p.best = vague.best;
    p.low = vague.low;
    p.high = vague.high;
    p.approximate = true;
    p.rule = vague.phrase;
    return p;
  }
  return exact_at(doc, i, end, allow_article);
}

std::optional<NumberRecognizer::Parsed> NumberRecognizer::parse_at(const Document& doc,
                                                                   std::uint32_t i,
                                                                   std::uint32_t end) {
  // « entre 10 et 15 », "between 10 and 15", « de 10 à 15 ».
  if (auto r = range_matcher_.longest_at(doc, i, end)) {
    if (auto first = exact_at(doc, i + r->length, end);
        first && first->end + 1 < end &&
        doc.tokens[first->end].fold == ranges_[r->payload].second) {
      if (auto second = exact_at(doc, first->end + 1, end); second && second->best > first->best) {
        Parsed p = *second;
        p.best = first->best;
        p.low = first->best;
        p.rule = ranges_[r->payload].first + " <n> " + ranges_[r->payload].second + " <n>";
        return p;
      }
    }
  }
  std::optional<Parsed> p;
  if (auto m = modifier_matcher_.longest_at(doc, i, end)) {
    p = amount_at(doc, i + m->length, end, /*allow_article=*/true);  // « au moins un »
    if (p) {
      const auto& [kind, phrase] = modifiers_[m->payload];
      p->rule = phrase + " " + (p->rule.front() == '<' ? p->rule : "<" + p->rule + ">");
      switch (kind) {
        case Modifier::AtLeast:
        case Modifier::MoreThan:
          // « plus d'une centaine »: at least the amount itself, whatever its vagueness.
          p->low = p->best;
          p->high.reset();
          break;
        case Modifier::UpTo:
        case Modifier::LessThan:
          p->low.reset();
          p->high = p->best;
          break;
        case Modifier::Approximately:
          p->approximate = true;
          break;
        case Modifier::Exactly:
          break;
      }
      return p;
    }
  }
  // « 15-20 morts », one token where hyphens are kept.
  if (doc.tokens[i].kind == TokenKind::Number) {
    const std::string_view s = doc.token_text(doc.tokens[i]);
    const std::size_t dash = s.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < s.size()) {
      const auto a = digits_value(s.substr(0, dash)), b = digits_value(s.substr(dash + 1));
      if (a && b && *b > *a) {
        Parsed r;
        r.end = i + 1;
        r.best = *a;
        r.low = *a;
        r.high = *b;
        r.rule = "<n>-<n>";
        return r;
      }
    }
  }
  p = amount_at(doc, i, end);
  if (!p) return std::nullopt;
  // « 10 à 15 morts », "10 to 15", « 10 ou 12 », "10-15".
  if (p->end + 1 < end && bare_range_joiners_.count(doc.tokens[p->end].fold) &&
      p->rule == "<digits>") {
    if (auto second = exact_at(doc, p->end + 1, end); second && second->best > p->best) {
      second->low = p->best;
      second->best = p->best;
      second->rule = "<n> " + doc.tokens[p->end].fold + " <n>";
      return second;
    }
  }
  return p;
}

void NumberRecognizer::annotate(Document& doc) {
  doc.numbers.clear();
  std::size_t next_date = 0;
  for (const auto& s : doc.sentences) {
    const std::uint32_t end = s.first_token + s.token_count;
    for (std::uint32_t i = s.first_token; i < end;) {
      const Span here = doc.tokens[i].span;
      while (next_date < doc.dates.size() && doc.dates[next_date].span.end <= here.begin)
        ++next_date;
      if (next_date < doc.dates.size() && doc.dates[next_date].span.overlaps(here)) {
        ++i;
        continue;
      }
      // A number may not run into a date: stop the window at the next date's first token.
      std::uint32_t window = end;
      if (next_date < doc.dates.size()) {
        for (std::uint32_t k = i; k < end; ++k) {
          if (doc.tokens[k].span.overlaps(doc.dates[next_date].span)) {
            window = k;
            break;
          }
        }
      }
      auto p = parse_at(doc, i, window);
      if (!p) {
        ++i;
        continue;
      }
      // « onze (11) soldats »: the same number in digits, in parentheses, is part of it.
      if (p->end + 2 < window && doc.token_text(doc.tokens[p->end]) == "(" &&
          doc.tokens[p->end + 1].kind == TokenKind::Number &&
          doc.token_text(doc.tokens[p->end + 2]) == ")" &&
          digits_value(doc.token_text(doc.tokens[p->end + 1])) == p->best) {
        p->end += 3;
      }
      NumberMention m;
      m.span = {doc.tokens[i].span.begin, doc.tokens[p->end - 1].span.end};
      m.best = p->best;
      m.low = p->low;
      m.high = p->high;
      m.approximate = p->approximate;
      m.rule = std::move(p->rule);
      doc.numbers.push_back(std::move(m));
      i = p->end;
    }
  }
}

}  // namespace vigie
