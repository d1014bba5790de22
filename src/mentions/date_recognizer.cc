#include "mentions/date_recognizer.h"

#include <algorithm>

#include "segment/tokenizer.h"
#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace chr = std::chrono;
using calendar::Day;

namespace {

// How many days after its anchor a day named without a year may lie and still be the anchor's
// year (see resolve_day).
constexpr int kDaysLateStillThisYear = 7;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  return std::stoi(std::string(s));
}

}  // namespace

DateRecognizer::Unit DateRecognizer::unit_named(const std::string& name, const std::string& where) {
  static const std::pair<const char*, Unit> kUnits[] = {{"day", Unit::Day},
                                                        {"week", Unit::Week},
                                                        {"month", Unit::Month},
                                                        {"year", Unit::Year},
                                                        {"weekend", Unit::Weekend}};
  for (const auto& [n, u] : kUnits) {
    if (name == n) return u;
  }
  throw DataError(where + "unknown unit '" + name + "'");
}

DateRecognizer::DateRecognizer(const LanguagePack& pack, Tokenizer& tokenizer) {
  const auto file = pack.dir / "dates.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const auto where = file.string() + ":" + std::to_string(row.line) + ": ";
    auto need = [&](std::size_t n) {
      if (row.fields.size() < n)
        throw DataError(where + "expected " + std::to_string(n) + " fields");
    };
    need(2);
    const std::string& kind = row.fields[0];
    const std::string& a = row.fields[1];
    const auto index = [&] { return static_cast<std::uint32_t>(row.line); };
    if (kind == "month") {
      need(3);
      months_[fold(a)] = to_int(row.fields[2]);
    } else if (kind == "weekday") {
      need(3);
      weekdays_[fold(a)] = to_int(row.fields[2]);
    } else if (kind == "day_ordinal") {
      need(3);
      day_ordinals_[fold(a)] = to_int(row.fields[2]);
    } else if (kind == "day_suffix") {
      day_suffixes_.insert(fold(a));
    } else if (kind == "week_ordinal") {
      need(3);
      week_ordinals_[fold(a)] = to_int(row.fields[2]);
    } else if (kind == "number") {
      need(3);
      number_words_[fold(a)] = to_int(row.fields[2]);
    } else if (kind == "unit") {
      need(3);
      units_[fold(a)] = unit_named(row.fields[2], where);
    } else if (kind == "article") {
      articles_.insert(fold(a));
    } else if (kind == "past_marker") {
      past_markers_.insert(fold(a));
    } else if (kind == "future_marker") {
      future_markers_.insert(fold(a));
    } else if (kind == "part_of_day") {
      parts_of_day_.insert(fold(a));
    } else if (kind == "month_connector") {
      month_connectors_.insert(fold(a));
    } else if (kind == "relative_day") {
      need(3);
      relative_days_.emplace_back(a, to_int(row.fields[2]));
      relative_day_matcher_.add(a, static_cast<std::uint32_t>(relative_days_.size() - 1),
                                tokenizer);
    } else if (kind == "relative_period" || kind == "period_to_date") {
      need(4);
      relative_periods_.push_back(
          {unit_named(row.fields[2], where), to_int(row.fields[3]), kind == "period_to_date", a});
      relative_period_matcher_.add(a, static_cast<std::uint32_t>(relative_periods_.size() - 1),
                                   tokenizer);
    } else if (kind == "month_part") {
      need(4);
      month_parts_.push_back({to_int(row.fields[2]), to_int(row.fields[3]), a});
      month_part_matcher_.add(a, static_cast<std::uint32_t>(month_parts_.size() - 1), tokenizer);
    } else if (kind == "range") {
      need(3);
      ranges_.push_back({a, fold(row.fields[2]), row.fields[2]});
      range_matcher_.add(a, static_cast<std::uint32_t>(ranges_.size() - 1), tokenizer);
    } else if (kind == "night") {
      need(3);
      nights_.push_back({a, fold(row.fields[2]), row.fields[2]});
      night_matcher_.add(a, static_cast<std::uint32_t>(nights_.size() - 1), tokenizer);
    } else if (kind == "ago_before") {
      ago_before_matcher_.add(a, index(), tokenizer);
    } else if (kind == "ago_after") {
      ago_after_matcher_.add(a, index(), tokenizer);
    } else if (kind == "year_preposition") {
      year_preposition_matcher_.add(a, index(), tokenizer);
    } else if (kind == "numeric_order") {
      day_first_ = a == "dmy";
    } else {
      throw DataError(where + "unknown kind '" + kind + "'");
    }
  }
}

bool DateRecognizer::is_word(const Context& c, std::uint32_t i, const std::string& folded) const {
  return i < c.end && c.doc->tokens[i].fold == folded;
}

bool DateRecognizer::is(const Context& c, std::uint32_t i,
                        const std::unordered_set<std::string>& words) const {
  return i < c.end && words.count(c.doc->tokens[i].fold) > 0;
}

std::uint32_t DateRecognizer::skip_articles(const Context& c, std::uint32_t i) const {
  while (is(c, i, articles_)) ++i;
  return i;
}

std::optional<int> DateRecognizer::day_number(const Token& t, const Document& doc) const {
  const std::string_view text = doc.token_text(t);
  if (auto it = day_ordinals_.find(t.fold); it != day_ordinals_.end()) return it->second;
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return std::nullopt;
  // "27th", « 1er »: digits and a suffix from the data.
  if (digits < text.size() && !day_suffixes_.count(fold(text.substr(digits)))) return std::nullopt;
  const int d = to_int(text.substr(0, digits));
  if (d < 1 || d > 31) return std::nullopt;
  return d;
}

std::optional<int> DateRecognizer::year_number(const Token& t, const Document& doc) const {
  const std::string_view text = doc.token_text(t);
  if (text.size() != 4 || !all_digits(text)) return std::nullopt;
  const int y = to_int(text);
  if (y < 1900 || y > 2100) return std::nullopt;
  return y;
}

std::optional<int> DateRecognizer::month_at(const Context& c, std::uint32_t i) const {
  if (i >= c.end) return std::nullopt;
  auto it = months_.find(c.doc->tokens[i].fold);
  if (it == months_.end()) return std::nullopt;
  return it->second;
}

std::optional<int> DateRecognizer::small_number_at(const Context& c, std::uint32_t i,
                                                   std::uint32_t* end) const {
  if (i >= c.end) return std::nullopt;
  const Token& t = c.doc->tokens[i];
  *end = i + 1;
  if (t.kind == TokenKind::Number && all_digits(c.doc->token_text(t)) && t.span.size() <= 3) {
    return to_int(c.doc->token_text(t));
  }
  if (auto it = number_words_.find(t.fold); it != number_words_.end()) return it->second;
  return std::nullopt;
}

// day [month [year]] | month day [, year] | weekday [day month [year]] | month [year] | numeric.
std::optional<DateRecognizer::Partial> DateRecognizer::partial_at(const Context& c, std::uint32_t i,
                                                                  bool allow_bare_month) const {
  const Document& doc = *c.doc;
  Partial p;
  i = skip_articles(c, i);
  // A marker before the head: "last Tuesday", "next March".
  if (i + 1 < c.end &&
      (weekdays_.count(doc.tokens[i + 1].fold) || months_.count(doc.tokens[i + 1].fold))) {
    if (is(c, i, past_markers_))
      p.past_marker = true, ++i;
    else if (is(c, i, future_markers_))
      p.future_marker = true, ++i;
  }
  if (i >= c.end) return std::nullopt;
  const Token& first = doc.tokens[i];

  // ISO "2022-03-27" as one token (hyphens kept), or split into five.
  if (first.kind == TokenKind::Number) {
    const std::string_view s = doc.token_text(first);
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && calendar::parse_iso(s)) {
      p.year = to_int(s.substr(0, 4)), p.month = to_int(s.substr(5, 2)),
      p.day = to_int(s.substr(8, 2));
      p.end = i + 1;
      return p;
    }
    // « 27.03.2022 » as one token (ICU keeps periods between digits).
    if (s.size() >= 8 && s.size() <= 10 &&
        (s.find('.') != std::string_view::npos || s.find('/') != std::string_view::npos)) {
      const char sep = s.find('.') != std::string_view::npos ? '.' : '/';
      const std::size_t a = s.find(sep), b = s.find(sep, a + 1);
      if (b != std::string_view::npos && s.find(sep, b + 1) == std::string_view::npos) {
        const std::string_view x = s.substr(0, a), y = s.substr(a + 1, b - a - 1),
                               z = s.substr(b + 1);
        if (all_digits(x) && all_digits(y) && all_digits(z) && z.size() == 4) {
          int day = to_int(x), month = to_int(y);
          if (!day_first_) std::swap(day, month);
          if (calendar::make_day(to_int(z), month, day)) {
            p.day = day, p.month = month, p.year = to_int(z), p.end = i + 1;
            return p;
          }
        }
      }
    }
    // 27/03/2022, 27.03.2022, 2022-03-27 in pieces: number sep number sep number, no spaces.
    if (i + 4 < c.end) {
      const auto& t = doc.tokens;
      const std::string_view sep1 = doc.token_text(t[i + 1]), sep2 = doc.token_text(t[i + 3]);
      const bool tight = !t[i].space_after && !t[i + 1].space_after && !t[i + 2].space_after &&
                         !t[i + 3].space_after;
      if (tight && sep1 == sep2 && (sep1 == "/" || sep1 == "." || sep1 == "-") &&
          t[i + 2].kind == TokenKind::Number && t[i + 4].kind == TokenKind::Number) {
        const std::string_view a = doc.token_text(t[i]), b = doc.token_text(t[i + 2]),
                               y = doc.token_text(t[i + 4]);
        if (all_digits(a) && all_digits(b) && all_digits(y)) {
          int day = to_int(a), month = to_int(b), year = to_int(y);
          if (a.size() == 4) {
            std::swap(year, day);  // 2022-03-27
          } else {
            if (!day_first_) std::swap(day, month);
            if (y.size() == 2) year += 2000;
          }
          if (calendar::make_day(year, month, day)) {
            p.day = day, p.month = month, p.year = year, p.end = i + 5;
            return p;
          }
        }
      }
    }
  }

  std::uint32_t j = i;
  if (auto w = weekdays_.find(first.fold); w != weekdays_.end()) {
    p.weekday = w->second;
    j = i + 1;
    // "Sunday, April 24": the comma belongs to the date only when a day follows it.
    if (j + 1 < c.end && doc.token_text(doc.tokens[j]) == "," &&
        (day_number(doc.tokens[j + 1], doc) || month_at(c, j + 1))) {
      ++j;
    }
  }
  // day month
  if (j < c.end) {
    if (auto d = day_number(doc.tokens[j], doc)) {
      if (auto m = month_at(c, j + 1)) {
        p.day = d, p.month = m, p.end = j + 2;
        if (p.end < c.end) {
          if (auto y = year_number(doc.tokens[p.end], doc)) p.year = y, ++p.end;
        }
        return p;
      }
    }
    // month day [, year]
    if (auto m = month_at(c, j)) {
      if (j + 1 < c.end) {
        if (auto d = day_number(doc.tokens[j + 1], doc);
            d && doc.tokens[j + 1].kind != TokenKind::Word) {
          p.month = m, p.day = d, p.end = j + 2;
          std::uint32_t k = p.end;
          if (k < c.end && doc.token_text(doc.tokens[k]) == ",") ++k;
          if (k < c.end) {
            if (auto y = year_number(doc.tokens[k], doc)) p.year = y, p.end = k + 1;
          }
          return p;
        }
        if (auto d = day_number(doc.tokens[j + 1], doc);
            d && doc.tokens[j + 1].kind == TokenKind::Word &&
            !day_ordinals_.count(doc.tokens[j + 1].fold)) {
          p.month = m, p.day = d, p.end = j + 2;  // "March 27th"
          return p;
        }
      }
      // month [year]
      if (j + 1 < c.end) {
        if (auto y = year_number(doc.tokens[j + 1], doc)) {
          p.month = m, p.year = y, p.end = j + 2;
          return p;
        }
      }
      if (allow_bare_month || p.past_marker || p.future_marker || is(c, j + 1, past_markers_) ||
          is(c, j + 1, future_markers_)) {
        p.month = m;
        p.end = j + 1;
      }
    }
  }
  if (!p.weekday && !p.month) return std::nullopt;
  if (p.weekday && !p.month) p.end = i + 1;
  if (p.weekday && p.month && !p.day) return std::nullopt;  // « dimanche mars »: not a date
  // Markers and parts of day after the head: « mardi dernier », « dimanche soir », "last".
  while (p.end < c.end) {
    if (is(c, p.end, past_markers_))
      p.past_marker = true;
    else if (is(c, p.end, future_markers_))
      p.future_marker = true;
    else if (!(p.weekday && is(c, p.end, parts_of_day_)))
      break;
    ++p.end;
  }
  return p;
}

std::optional<int> DateRecognizer::year_after_month(const Context& c, int month,
                                                    std::uint32_t& end) const {
  if (end < c.end) {
    if (auto y = year_number(c.doc->tokens[end], *c.doc)) {
      ++end;
      return y;
    }
  }
  return year_for_month(month, c);
}

std::optional<int> DateRecognizer::year_for_month(int month, const Context& c) const {
  if (!c.anchor) return std::nullopt;
  const int y = calendar::year_of(*c.anchor), m = calendar::month_of(*c.anchor);
  if (c.future) return month >= m ? y : y + 1;
  return month <= m ? y : y - 1;
}

std::optional<Day> DateRecognizer::resolve_day(const Partial& p, const Context& c) const {
  if (p.day && p.month) {
    if (p.year) return calendar::make_day(*p.year, *p.month, *p.day);
    if (!c.anchor) return std::nullopt;
    const int y = calendar::year_of(*c.anchor);
    auto d = calendar::make_day(y, *p.month, *p.day);
    if (!d) return std::nullopt;
    // A day a few days after the anchor is that one, not the same day a year before: a report
    // dated the day of its event goes on with the next days ("14 March" in a note of 13 March),
    // and publication dates are often a day or two early.
    if (!c.future && *d > *c.anchor + chr::days{kDaysLateStillThisYear})
      d = calendar::make_day(y - 1, *p.month, *p.day);
    if (c.future && *d < *c.anchor) d = calendar::make_day(y + 1, *p.month, *p.day);
    return d;
  }
  if (p.weekday && c.anchor) {
    if (p.future_marker || (c.future && !p.past_marker))
      return calendar::next_weekday(*c.anchor, *p.weekday);
    return calendar::previous_weekday(*c.anchor, *p.weekday, p.past_marker);
  }
  return std::nullopt;
}

DateRecognizer::Found DateRecognizer::make(const Context& c, std::uint32_t first, std::uint32_t end,
                                           std::optional<Day> start, std::optional<Day> last,
                                           DateGranularity g, DateType t, std::string rule) const {
  Found f;
  f.end = end;
  f.mention.span = {c.doc->tokens[first].span.begin, c.doc->tokens[end - 1].span.end};
  f.mention.granularity = g;
  f.mention.rule = std::move(rule);
  if (start && last && *start <= *last) {
    f.mention.start = calendar::format_iso(*start);
    f.mention.end = calendar::format_iso(*last);
    f.mention.type = t;
  } else {
    f.mention.type = DateType::Unresolved;
  }
  return f;
}

// « le 27 mars », « dimanche », « mardi dernier », "March 27, 2022", « en février », « mars 2022 ».
std::optional<DateRecognizer::Found> DateRecognizer::simple_at(const Context& c,
                                                               std::uint32_t i) const {
  // A bare month is a date only after a preposition (« en février ») or with a marker.
  bool after_preposition = false;
  std::uint32_t start = i;
  if (auto prep = year_preposition_matcher_.longest_at(*c.doc, i, c.end)) {
    after_preposition = true;
    start = i + prep->length;
  }
  auto p = partial_at(c, start, after_preposition);
  if (!p) return std::nullopt;
  const std::uint32_t first = skip_articles(c, start);
  if (p->day) {
    const auto d = resolve_day(*p, c);
    return make(c, first, p->end, d, d, DateGranularity::Day, DateType::Exact,
                p->year ? "<day> <month> <year>" : "<day> <month>");
  }
  if (p->weekday) {
    const auto d = resolve_day(*p, c);
    return make(c, first, p->end, d, d, DateGranularity::Day, DateType::Exact,
                p->past_marker     ? "<weekday> <last>"
                : p->future_marker ? "<weekday> <next>"
                                   : "<weekday>");
  }
  // A month.
  std::optional<int> year = p->year;
  if (!year) {
    Context shifted = c;
    if (p->past_marker) shifted.future = false;
    if (p->future_marker) shifted.future = true;
    year = year_for_month(*p->month, shifted);
    // « en avril dernier » said in April means last year's April.
    if (year && p->past_marker && *p->month == calendar::month_of(*c.anchor)) --*year;
  }
  std::optional<Day> from, to;
  if (year) {
    from = calendar::make_day(*year, *p->month, 1);
    to = calendar::make_day(*year, *p->month, calendar::days_in_month(*year, *p->month));
  }
  return make(c, first, p->end, from, to, DateGranularity::Month, DateType::Exact,
              p->year ? "<month> <year>" : "<month>");
}

// The first side of a pair after its opener: a day alone before the joiner (« entre le 27 et le
// 31 mars », the month comes from the second side), or a fuller date (« du 27 mars au 2 avril »).
// `end` of the result is where the joiner should stand.
std::optional<DateRecognizer::Partial> DateRecognizer::first_of_pair(
    const Context& c, std::uint32_t i, const std::string& joiner) const {
  const std::uint32_t a = skip_articles(c, i);
  if (a < c.end && day_number(c.doc->tokens[a], *c.doc) && is_word(c, a + 1, joiner)) {
    Partial p;
    p.day = day_number(c.doc->tokens[a], *c.doc);
    p.end = a + 1;
    return p;
  }
  return partial_at(c, a, false);
}

// « entre le 27 et le 31 mars », « du 27 mars au 2 avril », "between March 27 and 31".
std::optional<DateRecognizer::Found> DateRecognizer::range_at(const Context& c,
                                                              std::uint32_t i) const {
  auto opener = range_matcher_.longest_at(*c.doc, i, c.end);
  if (!opener) return std::nullopt;
  const auto& [phrase, joiner, joiner_text] = ranges_[opener->payload];
  auto first = first_of_pair(c, i + opener->length, joiner);
  if (!first) return std::nullopt;
  Partial p1 = *first;
  const std::uint32_t after_first = first->end;
  if (after_first >= c.end || c.doc->tokens[after_first].fold != joiner) return std::nullopt;
  std::uint32_t b = skip_articles(c, after_first + 1);
  Partial p2;
  if (auto p = partial_at(c, b, false)) {
    p2 = *p;
  } else if (b < c.end && day_number(c.doc->tokens[b], *c.doc) && p1.month) {
    p2.day = day_number(c.doc->tokens[b], *c.doc);  // "between March 27 and 31[, 2022]"
    p2.end = b + 1;
    if (p2.end + 1 < c.end && c.doc->token_text(c.doc->tokens[p2.end]) == ",") {
      if (auto y = year_number(c.doc->tokens[p2.end + 1], *c.doc)) p2.year = y, p2.end += 2;
    }
  } else {
    return std::nullopt;
  }
  // The side without a month or year takes it from the other.
  if (!p1.month) p1.month = p2.month;
  if (!p2.month) p2.month = p1.month;
  if (!p1.year) p1.year = p2.year;
  if (!p2.year) p2.year = p1.year;
  if (p1.weekday && p2.weekday && !p1.day && !p2.day) {
    const auto d2 = resolve_day(p2, c);
    std::optional<Day> d1;
    if (d2) d1 = calendar::previous_weekday(*d2, *p1.weekday, true);
    return make(c, i, p2.end, d1, d2, DateGranularity::Day, DateType::Range,
                phrase + " <weekday> " + joiner_text + " <weekday>");
  }
  if (!p1.day || !p2.day || !p1.month) return std::nullopt;
  auto d1 = resolve_day(p1, c), d2 = resolve_day(p2, c);
  // Resolved apart, a range may straddle the new year: keep it in order.
  if (d1 && d2 && *d1 > *d2 && !p1.year)
    d1 = calendar::make_day(calendar::year_of(*d2) - 1, *p1.month, *p1.day);
  return make(c, i, p2.end, d1, d2, DateGranularity::Day, DateType::Range,
              phrase + " <day> " + joiner_text + " <day> <month>");
}

// « dans la nuit de samedi à dimanche », « dans la nuit du 3 au 4 mars », "overnight Saturday".
std::optional<DateRecognizer::Found> DateRecognizer::night_at(const Context& c,
                                                              std::uint32_t i) const {
  auto opener = night_matcher_.longest_at(*c.doc, i, c.end);
  if (!opener) return std::nullopt;
  const auto& [phrase, joiner, joiner_text] = nights_[opener->payload];
  auto first = first_of_pair(c, i + opener->length, joiner);
  if (!first) return std::nullopt;
  Partial p1 = *first;
  const std::uint32_t after_first = first->end;
  if (after_first < c.end && c.doc->tokens[after_first].fold == joiner) {
    auto p2 = partial_at(c, skip_articles(c, after_first + 1), false);
    if (p2) {
      if (!p1.month) p1.month = p2->month;
      if (!p1.year) p1.year = p2->year;
      std::optional<Day> d2 = resolve_day(*p2, c), d1;
      if (d2) d1 = *d2 - chr::days{1};
      return make(c, i, p2->end, d1, d2, DateGranularity::Day, DateType::Range,
                  phrase + " <day> " + joiner_text + " <day>");
    }
  }
  if (!p1.weekday && !p1.day) return std::nullopt;
  // "overnight Saturday": that night, the day named and the next.
  std::optional<Day> d1 = resolve_day(p1, c), d2;
  if (d1) d2 = *d1 + chr::days{1};
  return make(c, i, after_first, d1, d2, DateGranularity::Day, DateType::Range, phrase + " <day>");
}

// « la première semaine d'avril », "the last week of March".
std::optional<DateRecognizer::Found> DateRecognizer::week_of_month_at(const Context& c,
                                                                      std::uint32_t i) const {
  const std::uint32_t a = skip_articles(c, i);
  if (a + 3 >= c.end + 1) return std::nullopt;
  auto ordinal = week_ordinals_.find(c.doc->tokens[a].fold);
  if (ordinal == week_ordinals_.end()) return std::nullopt;
  auto unit = units_.find(c.doc->tokens[a + 1].fold);
  if (unit == units_.end() || unit->second != Unit::Week) return std::nullopt;
  std::uint32_t m = a + 2;
  if (is(c, m, month_connectors_)) ++m;
  auto month = month_at(c, m);
  if (!month) return std::nullopt;
  std::uint32_t end = m + 1;
  const std::optional<int> year = year_after_month(c, *month, end);
  std::optional<Day> from, to;
  if (year) {
    const int last = calendar::days_in_month(*year, *month);
    const int first_day = ordinal->second > 0 ? (ordinal->second - 1) * 7 + 1 : last - 6;
    from = calendar::make_day(*year, *month, first_day);
    to = calendar::make_day(*year, *month, std::min(first_day + 6, last));
  }
  return make(c, i, end, from, to, DateGranularity::Week, DateType::Exact,
              "<ordinal> week of <month>");
}

// « début avril », « fin mars », « mi-mars », "early April", "mid-March".
std::optional<DateRecognizer::Found> DateRecognizer::month_part_at(const Context& c,
                                                                   std::uint32_t i) const {
  const MonthPart* part = nullptr;
  std::uint32_t m = i;
  std::optional<int> month;
  if (auto match = month_part_matcher_.longest_at(*c.doc, i, c.end)) {
    part = &month_parts_[match->payload];
    m = i + match->length;
    if (is(c, m, month_connectors_)) ++m;
    month = month_at(c, m);
  } else if (i < c.end) {
    // One token « mi-mars »: a part, a hyphen, a month.
    const std::string& f = c.doc->tokens[i].fold;
    const std::size_t dash = f.find('-');
    if (dash != std::string::npos) {
      for (const auto& mp : month_parts_) {
        if (fold(mp.phrase) == f.substr(0, dash)) {
          if (auto it = months_.find(f.substr(dash + 1)); it != months_.end()) {
            part = &mp;
            month = it->second;
            m = i;
          }
        }
      }
    }
  }
  if (!part || !month) return std::nullopt;
  std::uint32_t end = m + 1;
  const std::optional<int> year = year_after_month(c, *month, end);
  std::optional<Day> from, to;
  if (year) {
    const int last = calendar::days_in_month(*year, *month);
    from = calendar::make_day(*year, *month, std::min(part->first_day, last));
    to = calendar::make_day(*year, *month, std::min(part->last_day, last));
  }
  return make(c, i, end, from, to, DateGranularity::Month, DateType::Approximate,
              part->phrase + " <month>");
}

// « hier soir », « la semaine dernière », "last week", "earlier this month".
std::optional<DateRecognizer::Found> DateRecognizer::relative_at(const Context& c,
                                                                 std::uint32_t i) const {
  auto day = relative_day_matcher_.longest_at(*c.doc, i, c.end);
  auto period = relative_period_matcher_.longest_at(*c.doc, i, c.end);
  if (day && (!period || day->length >= period->length)) {
    const auto& [phrase, offset] = relative_days_[day->payload];
    std::uint32_t end = i + day->length;
    while (is(c, end, parts_of_day_)) ++end;
    std::optional<Day> d;
    if (c.anchor) d = *c.anchor + chr::days{offset};
    return make(c, i, end, d, d, DateGranularity::Day, DateType::Exact, phrase);
  }
  if (!period) return std::nullopt;
  const RelativePeriod& r = relative_periods_[period->payload];
  std::optional<Day> from, to;
  DateGranularity g = DateGranularity::Day;
  if (c.anchor) {
    const Day a = *c.anchor;
    switch (r.unit) {
      case Unit::Day:
        from = to = a + chr::days{r.offset};
        break;
      case Unit::Week:
        from = calendar::week_start(a) + chr::days{7 * r.offset};
        to = *from + chr::days{6};
        break;
      case Unit::Weekend: {
        // The weekend of the anchor's week, or the last one before it (offset -1).
        const Day saturday = calendar::week_start(a) + chr::days{5};
        from = r.offset < 0 && saturday >= a ? saturday - chr::days{7}
                                             : saturday + chr::days{7 * std::max(0, r.offset)};
        to = *from + chr::days{1};
        break;
      }
      case Unit::Month:
        from = calendar::month_start(a, r.offset);
        to = calendar::month_start(a, r.offset + 1) - chr::days{1};
        break;
      case Unit::Year:
        from = calendar::make_day(calendar::year_of(a) + r.offset, 1, 1);
        to = calendar::make_day(calendar::year_of(a) + r.offset, 12, 31);
        break;
    }
    if (r.to_date) to = a;
  }
  switch (r.unit) {
    case Unit::Day:
      g = DateGranularity::Day;
      break;
    case Unit::Week:
    case Unit::Weekend:
      g = DateGranularity::Week;
      break;
    case Unit::Month:
      g = DateGranularity::Month;
      break;
    case Unit::Year:
      g = DateGranularity::Year;
      break;
  }
  return make(c, i, i + period->length, from, to, g,
              r.to_date ? DateType::Approximate : DateType::Exact, r.phrase);
}

// « il y a trois jours », "two weeks ago".
std::optional<DateRecognizer::Found> DateRecognizer::ago_at(const Context& c,
                                                            std::uint32_t i) const {
  std::uint32_t n_at = i;
  const auto before = ago_before_matcher_.longest_at(*c.doc, i, c.end);
  if (before) n_at = i + before->length;
  std::uint32_t after_number = n_at;
  const auto n = small_number_at(c, n_at, &after_number);
  if (!n || after_number >= c.end) return std::nullopt;
  auto unit = units_.find(c.doc->tokens[after_number].fold);
  if (unit == units_.end() || unit->second == Unit::Weekend) return std::nullopt;
  std::uint32_t end = after_number + 1;
  if (!before) {
    const auto after = ago_after_matcher_.longest_at(*c.doc, end, c.end);
    if (!after) return std::nullopt;
    end += after->length;
  }
  std::optional<Day> d;
  // "two weeks ago": the week that held the day two weeks back; months and years likewise.
  DateGranularity g = DateGranularity::Day;
  std::optional<Day> to;
  switch (unit->second) {
    case Unit::Day:
      if (c.anchor) d = to = *c.anchor - chr::days{*n};
      break;
    case Unit::Week:
      g = DateGranularity::Week;
      if (c.anchor) d = calendar::week_start(*c.anchor - chr::days{7 * *n}), to = *d + chr::days{6};
      break;
    case Unit::Month:
      g = DateGranularity::Month;
      if (c.anchor)
        d = calendar::month_start(*c.anchor, -*n),
        to = calendar::month_start(*c.anchor, 1 - *n) - chr::days{1};
      break;
    case Unit::Year:
      g = DateGranularity::Year;
      if (c.anchor) {
        d = calendar::make_day(calendar::year_of(*c.anchor) - *n, 1, 1);
        to = calendar::make_day(calendar::year_of(*c.anchor) - *n, 12, 31);
      }
      break;
    case Unit::Weekend:
      break;
  }
  return make(c, i, end, d, to, g,
              g == DateGranularity::Day ? DateType::Exact : DateType::Approximate,
              before ? "<ago> <n> <unit>" : "<n> <unit> <ago>");
}

// « en 2012 », "since 2015", « de 2012 à 2015 » (a range, handled there first).
std::optional<DateRecognizer::Found> DateRecognizer::year_at(const Context& c,
                                                             std::uint32_t i) const {
  auto prep = year_preposition_matcher_.longest_at(*c.doc, i, c.end);
  if (!prep) return std::nullopt;
  const std::uint32_t y_at = skip_articles(c, i + prep->length);
  if (y_at >= c.end) return std::nullopt;
  auto y = year_number(c.doc->tokens[y_at], *c.doc);
  if (!y) return std::nullopt;
  return make(c, i + prep->length, y_at + 1, calendar::make_day(*y, 1, 1),
              calendar::make_day(*y, 12, 31), DateGranularity::Year, DateType::Exact,
              "<preposition> <year>");
}

std::optional<DateRecognizer::Found> DateRecognizer::match_at(const Context& c,
                                                              std::uint32_t i) const {
  std::optional<Found> best;
  auto consider = [&](std::optional<Found> f) {
    if (f && f->end > i && (!best || f->end > best->end)) best = std::move(f);
  };
  consider(range_at(c, i));
  consider(night_at(c, i));
  consider(week_of_month_at(c, i));
  consider(month_part_at(c, i));
  consider(relative_at(c, i));
  consider(ago_at(c, i));
  consider(year_at(c, i));
  consider(simple_at(c, i));
  return best;
}

void DateRecognizer::annotate(Document& doc) {
  doc.dates.clear();
  Context c{&doc, 0, doc.meta.published ? calendar::parse_iso(*doc.meta.published) : std::nullopt,
            false};
  std::size_t group = 0;
  for (const auto& s : doc.sentences) {
    c.end = s.first_token + s.token_count;
    // The sentence's tense: future if one of its verb groups is.
    c.future = false;
    while (group < doc.verb_groups.size() && doc.verb_groups[group].first < s.first_token) ++group;
    for (std::size_t g = group; g < doc.verb_groups.size() && doc.verb_groups[g].first < c.end;
         ++g) {
      c.future = c.future || doc.verb_groups[g].tense == Tense::Future;
    }
    for (std::uint32_t i = s.first_token; i < c.end;) {
      auto f = match_at(c, i);
      if (!f) {
        ++i;
        continue;
      }
      doc.dates.push_back(std::move(f->mention));
      i = f->end;
    }
  }
}

}  // namespace vigie
