#pragma once
// Recognises time expressions and normalises them to an interval of days with a granularity and a
// type, anchored on the publication date: « le 27 mars », « entre le 27 et le 31 mars »,
// « mardi dernier », « la semaine dernière », « la première semaine d'avril », « début avril »,
// « dans la nuit de samedi à dimanche », « il y a trois jours », "on Tuesday", "last week",
// "earlier this month", ISO and numeric dates, years after a preposition. A weekday or a month
// without a year points back in a past-tense sentence and forward in a future-tense one. Without a
// publication date, relative expressions stay `unresolved`: nothing is guessed from the clock.
// Words are data (lang/<code>/dates.tsv); the rule names appear in --annotations.
// Not thread-safe (it shares the per-thread tokenizer): one recogniser per thread.
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"
#include "mentions/calendar.h"
#include "mentions/phrase_matcher.h"

namespace vigie {

class Tokenizer;

class DateRecognizer {
 public:
  DateRecognizer(const LanguagePack& pack, Tokenizer& tokenizer);

  /// Fills doc.dates from the analysed tokens, anchored on doc.meta.published.
  void annotate(Document& doc);

 private:
  // A date as written, before resolution: any part may be missing.
  struct Partial {
    std::uint32_t end = 0;  // one past the last token
    std::optional<int> day, month, year, weekday;
    bool past_marker = false, future_marker = false;
  };
  struct Found {
    std::uint32_t end = 0;
    DateMention mention;
  };
  enum class Unit { Day, Week, Month, Year, Weekend };
  struct RelativePeriod {
    Unit unit;
    int offset;
    bool to_date;  // "earlier this month": from the period's start to the anchor
    std::string phrase;
  };
  struct MonthPart {
    int first_day, last_day;
    std::string phrase;
  };
  struct Context {
    const Document* doc;
    std::uint32_t end;                    // end of the sentence
    std::optional<calendar::Day> anchor;  // publication date
    bool future;                          // the sentence speaks of the future
  };

  std::optional<Found> match_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> range_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> night_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> week_of_month_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> month_part_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> relative_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> ago_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> year_at(const Context& c, std::uint32_t i) const;
  std::optional<Found> simple_at(const Context& c, std::uint32_t i) const;

  std::optional<Partial> partial_at(const Context& c, std::uint32_t i, bool allow_bare_month) const;
  std::optional<Partial> first_of_pair(const Context& c, std::uint32_t i,
                                       const std::string& joiner) const;
  std::optional<int> day_number(const Token& t, const Document& doc) const;
  std::optional<int> year_number(const Token& t, const Document& doc) const;
  std::optional<int> month_at(const Context& c, std::uint32_t i) const;
  std::optional<int> small_number_at(const Context& c, std::uint32_t i, std::uint32_t* end) const;
  bool is(const Context& c, std::uint32_t i, const std::unordered_set<std::string>& words) const;
  bool is_word(const Context& c, std::uint32_t i, const std::string& folded) const;
  static Unit unit_named(const std::string& name, const std::string& where);
  std::uint32_t skip_articles(const Context& c, std::uint32_t i) const;

  /// The day a partial date names, or nullopt when it cannot be fixed.
  std::optional<calendar::Day> resolve_day(const Partial& p, const Context& c) const;
  /// Year of a month named without one, from the anchor and the tense.
  std::optional<int> year_for_month(int month, const Context& c) const;
  /// The year written at `end` (which then moves past it), else year_for_month().
  std::optional<int> year_after_month(const Context& c, int month, std::uint32_t& end) const;
  Found make(const Context& c, std::uint32_t first, std::uint32_t end,
             std::optional<calendar::Day> start, std::optional<calendar::Day> last,
             DateGranularity g, DateType t, std::string rule) const;

  std::unordered_map<std::string, int> months_, weekdays_, day_ordinals_, week_ordinals_,
      number_words_;
  std::unordered_map<std::string, Unit> units_;
  std::unordered_set<std::string> articles_, past_markers_, future_markers_, parts_of_day_,
      month_connectors_, day_suffixes_;
  std::vector<std::pair<std::string, int>> relative_days_;
  std::vector<RelativePeriod> relative_periods_;
  std::vector<MonthPart> month_parts_;
  struct Bracket {
    std::string opener;             // « entre », "between"
    std::string joiner;             // folded, for matching: « et », « a »
    std::string joiner_as_written;  // for rule names: « à »
  };
  std::vector<Bracket> ranges_, nights_;
  PhraseMatcher relative_day_matcher_, relative_period_matcher_, month_part_matcher_,
      range_matcher_, night_matcher_, ago_before_matcher_, ago_after_matcher_,
      year_preposition_matcher_, weekend_matcher_;
  bool day_first_ = true;  // numeric dates: 27/03/2022 (dmy) or 03/27/2022 (mdy)
};

}  // namespace vigie
