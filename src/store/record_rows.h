#pragma once
// What every backend does the same way when it stores a document: the columns of a record's row,
// the document's records grouped by the extractor's incidents, and the choice of the incident a
// group joins. Backends differ in SQL, not in these.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "store/event_store.h"
#include "store/incident_summary.h"

namespace vigie {

using StoreValue = std::variant<std::nullptr_t, std::string, double, std::int64_t>;

/// An optional as a column value: null when absent, integers widened to 64 bits.
template <class T>
StoreValue store_value(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(*v);
  } else {
    return *v;
  }
}

/// How `vigie stats` groups records: the key expression over events `e` (the week's is the
/// backend's own, given), and the join it needs.
struct StatsGrouping {
  std::string key_sql;
  std::string join;
};
StatsGrouping stats_grouping(StatsKey key, const std::string& week_sql);

/// The filterable columns of a record's row in `events`, by name (the same in every schema).
std::vector<std::pair<std::string, StoreValue>> event_columns(const EventRecord& record,
                                                              std::int64_t document_id,
                                                              std::int64_t incident_id);

/// The record's first and last day (ISO), or nulls when it has no date.
std::pair<StoreValue, StoreValue> record_days(const EventRecord& record);

/// A document's records grouped by the extractor's incident_id, groups and records in order:
/// the accounts of one incident in an article go to one store incident together.
std::vector<std::vector<const EventRecord*>> article_incidents(
    const std::vector<EventRecord>& events);

/// The earlier incident a group of records reports: fed the stored records near each of them,
/// ranks the incidents they belong to by their best match (store/incident_rules), never one of
/// `taken` (the incidents the same article's other groups went to); the choice is the best-ranked
/// incident none of whose reports conflicts with the record that matched it.
class IncidentChoice {
 public:
  explicit IncidentChoice(const std::set<std::int64_t>& taken) : taken_(taken) {}
  void consider(const EventRecord& record, const std::vector<StoredEvent>& earlier);
  /// 0 when nothing matched; `reports_of` gives an incident's stored reports.
  std::int64_t incident(
      const std::function<std::vector<StoredEvent>(std::int64_t)>& reports_of) const;

 private:
  struct Candidate {
    double score = 0;
    const EventRecord* record = nullptr;  ///< the new record that matched best
  };
  const std::set<std::int64_t>& taken_;
  std::map<std::int64_t, Candidate> candidates_;
};

/// A day number (days since 1970-01-01) as YYYY-MM-DD.
std::string iso_day(long days);

/// The time now, UTC, as YYYY-MM-DDTHH:MM:SSZ.
std::string utc_now();

/// A LIKE pattern matching `piece` anywhere, its % _ and \ escaped (ESCAPE '\').
std::string like_pattern(const std::string& piece);

/// One of ACLED's six event types, in any case (else, for a filter, a sub-event type).
bool is_event_type(const std::string& value);

/// The filter's days alone: the records a walk along the date index reads through.
EventFilter days_of(const EventFilter& filter);

/// Whether a page of `filter` is cheaper read along the date index, testing each row, than by
/// gathering its `matches` and sorting them: walking reads about (offset + limit) × `days` /
/// `matches` rows (`days`: the records of days_of(filter)), gathering the matches, each costing
/// `gathered_row_cost` walked rows (each backend measures its own).
bool walking_is_cheaper(const EventFilter& filter, std::int64_t days, std::int64_t matches,
                        double gathered_row_cost);

}  // namespace vigie
