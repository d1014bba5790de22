#include "store/record_rows.h"

#include <strings.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

#include "store/incident_rules.h"

namespace vigie {

std::pair<StoreValue, StoreValue> record_days(const EventRecord& r) {
  if (!r.date || !r.date->start) return {nullptr, nullptr};
  return {*r.date->start, r.date->end.value_or(*r.date->start)};
}

std::vector<std::pair<std::string, StoreValue>> event_columns(const EventRecord& r,
                                                              std::int64_t document_id,
                                                              std::int64_t incident_id) {
  const auto& loc = r.location;
  auto [first_day, last_day] = record_days(r);
  return {
      {"document_id", document_id},
      {"incident_id", incident_id},
      {"event_key", r.event_id},
      {"article_incident", r.incident_id},
      {"event_type", r.event_type},
      {"sub_event_type", r.sub_event_type},
      {"country", loc ? store_value(loc->country) : StoreValue(nullptr)},
      {"admin1", loc ? store_value(loc->admin1) : StoreValue(nullptr)},
      {"admin2", loc ? store_value(loc->admin2) : StoreValue(nullptr)},
      {"location", loc ? store_value(loc->name) : StoreValue(nullptr)},
      {"lat", loc ? store_value(loc->lat) : StoreValue(nullptr)},
      {"lon", loc ? store_value(loc->lon) : StoreValue(nullptr)},
      {"geo_precision", loc ? StoreValue(std::int64_t{loc->geo_precision}) : StoreValue(nullptr)},
      {"date_start", first_day},
      {"date_end", last_day},
      {"fatalities",
       r.fatalities ? StoreValue(std::int64_t{r.fatalities->best}) : StoreValue(nullptr)},
      {"source", r.source ? StoreValue(r.source->name) : StoreValue(nullptr)},
      {"source_status", r.source ? StoreValue(r.source->status) : StoreValue(nullptr)},
  };
}

std::vector<std::vector<const EventRecord*>> article_incidents(
    const std::vector<EventRecord>& events) {
  std::vector<std::vector<const EventRecord*>> groups;
  std::map<std::string, std::size_t> index;
  for (const auto& r : events) {
    auto [it, added] = index.emplace(r.incident_id, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&r);
  }
  return groups;
}

void IncidentChoice::consider(const EventRecord& record, const std::vector<StoredEvent>& earlier) {
  for (const auto& e : earlier) {
    if (taken_.count(e.incident_id)) continue;
    auto match = same_incident(record, e.record);
    if (!match) continue;
    auto& c = candidates_[e.incident_id];
    if (match->score > c.score) c = {match->score, &record};
  }
}

std::int64_t IncidentChoice::incident(
    const std::function<std::vector<StoredEvent>(std::int64_t)>& reports_of) const {
  std::vector<std::pair<std::int64_t, Candidate>> ranked(candidates_.begin(), candidates_.end());
  // Best match first; the earlier incident on a tie, as a stable choice.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.second.score > y.second.score; });
  for (const auto& [incident, c] : ranked) {
    const auto reports = reports_of(incident);
    const EventRecord& record = *c.record;  // (clang 14 captures no structured binding)
    const bool fits = std::none_of(reports.begin(), reports.end(), [&](const StoredEvent& e) {
      return reports_conflict(record, e.record);
    });
    if (fits) return incident;
  }
  return 0;
}

StatsGrouping stats_grouping(StatsKey key, const std::string& week_sql) {
  switch (key) {
    case StatsKey::Week:
      return {week_sql, ""};
    case StatsKey::Month:
      return {"substr(e.date_start, 1, 7)", ""};
    case StatsKey::Type:
      return {"e.event_type", ""};
    case StatsKey::Country:
      return {"e.country", ""};
    case StatsKey::Actor:
      return {"ga.name", " JOIN event_actors ga ON ga.event_id = e.id"};
  }
  return {"NULL", ""};
}

std::string iso_day(long days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string like_pattern(const std::string& piece) {
  std::string out = "%";
  for (char c : piece) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

bool is_event_type(const std::string& value) {
  static const char* const kTypes[] = {
      "Battles", "Violence against civilians", "Explosions/Remote violence", "Protests",
      "Riots",   "Strategic developments"};
  for (const char* t : kTypes) {
    if (strcasecmp(t, value.c_str()) == 0) return true;
  }
  return false;
}

EventFilter days_of(const EventFilter& filter) {
  EventFilter out;
  out.from = filter.from;
  out.to = filter.to;
  return out;
}

bool walking_is_cheaper(const EventFilter& filter, std::int64_t days, std::int64_t matches,
                        double gathered_row_cost) {
  if (filter.limit == 0 || matches <= 0) return false;
  const double wanted = static_cast<double>(filter.offset + filter.limit);
  const double found = static_cast<double>(matches);
  return wanted * static_cast<double>(days) < gathered_row_cost * found * found;
}

}  // namespace vigie
