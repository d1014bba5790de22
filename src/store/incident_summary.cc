#include "store/incident_summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/incident_rules.h"

namespace vigie {

namespace {

using json = nlohmann::ordered_json;

// The value most reports give; ties go to the earliest report. Returns the rule in words.
template <class Get>
std::pair<std::string, std::string> most_reported(const std::vector<StoredEvent>& reports,
                                                  Get get) {
  std::map<std::string, int> votes;
  std::vector<std::string> order;
  for (const auto& r : reports) {
    const std::string v = get(r.record);
    if (v.empty()) continue;
    if (votes[v]++ == 0) order.push_back(v);
  }
  if (order.empty()) return {"", "no report gives it"};
  const std::string* best = &order.front();
  for (const auto& v : order) {
    if (votes[v] > votes[*best]) best = &v;
  }
  const int with = votes[*best];
  const int total = static_cast<int>(std::count_if(
      reports.begin(), reports.end(), [&](const auto& r) { return !get(r.record).empty(); }));
  return {*best, std::to_string(with) + " of " + std::to_string(total) + " reports give it"};
}

bool is_claim(const EventRecord& r) {
  return r.source && r.source->status == "claimed";
}

json merged_date(const std::vector<StoredEvent>& reports, IncidentSummary& s) {
  std::optional<std::string> start;
  std::optional<std::string> end;
  std::optional<std::string> span_start;
  std::optional<std::string> span_end;
  for (const auto& r : reports) {
    if (!r.record.date || !r.record.date->start) continue;
    const std::string a = *r.record.date->start;
    const std::string b = r.record.date->end.value_or(a);
    // ISO dates compare as strings.
    if (!start || a > *start) start = a;
    if (!end || b < *end) end = b;
    if (!span_start || a < *span_start) span_start = a;
    if (!span_end || b > *span_end) span_end = b;
  }
  if (!start) return nullptr;
  std::string rule = "the days every report allows";
  if (*start > *end) {
    start = span_start;
    end = span_end;
    rule = "reports disagree: from the earliest to the latest day given";
  }
  s.date_start = start;
  s.date_end = end;
  return {{"start", *start}, {"end", *end}, {"rule", rule}};
}

json merged_location(const std::vector<StoredEvent>& reports, IncidentSummary& s) {
  const LocationField* best = nullptr;
  for (const auto& r : reports) {
    const auto& l = r.record.location;
    if (!l || !l->country) continue;
    if (!best || l->geo_precision < best->geo_precision) best = &*l;
  }
  if (!best) return nullptr;
  s.country = best->country;
  s.lat = best->lat;
  s.lon = best->lon;
  auto opt = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  return {{"name", opt(best->name)},
          {"country", opt(best->country)},
          {"admin1", opt(best->admin1)},
          {"admin2", opt(best->admin2)},
          {"lat", opt(best->lat)},
          {"lon", opt(best->lon)},
          {"geonameid", opt(best->geonameid)},
          {"geo_precision", best->geo_precision},
          {"rule", "the most precise place any report gives"}};
}

json merged_actor(const std::vector<StoredEvent>& reports,
                  const std::optional<ActorField> EventRecord::*field) {
  // Named actors before descriptions ("Unidentified Armed Group", "Islamist Militia"): one
  // article often knows who the other did not.
  std::vector<StoredEvent> named;
  for (const auto& r : reports) {
    const auto& a = r.record.*field;
    if (a && !is_descriptive_actor(*a)) named.push_back(r);
  }
  const auto& pool = named.empty() ? reports : named;
  auto [name, rule] = most_reported(pool, [&](const EventRecord& rec) {
    const auto& a = rec.*field;
    return a ? a->name : std::string();
  });
  if (name.empty()) return nullptr;
  if (!named.empty() && named.size() < reports.size())
    rule += " (named actors before descriptions)";
  return {{"name", name}, {"rule", rule}};
}

json merged_fatalities(const std::vector<StoredEvent>& reports, IncidentSummary& s) {
  // ACLED codes the most conservative figure of independent reports; a party's own claim
  // counts only when nobody else gives a figure. The range across every report stays.
  bool any_independent = false;
  for (const auto& r : reports) {
    if (r.record.fatalities && !is_claim(r.record)) any_independent = true;
  }
  std::optional<int> best;
  std::optional<int> low;
  std::optional<int> high;
  int counted = 0;
  for (const auto& r : reports) {
    const auto& f = r.record.fatalities;
    if (!f) continue;
    low = std::min(low.value_or(f->low), f->low);
    high = std::max(high.value_or(f->high), f->high);
    if (any_independent && is_claim(r.record)) continue;
    best = std::min(best.value_or(f->best), f->best);
    ++counted;
  }
  if (!best) return nullptr;
  s.fatalities = best;
  std::string rule = "lowest of " + std::to_string(counted) +
                     (any_independent ? " independent report" : " claimed report") +
                     (counted > 1 ? "s" : "");
  if (*low != *high) {
    rule += "; reports range " + std::to_string(*low) + "-" + std::to_string(*high);
  }
  return {{"best", *best}, {"low", *low}, {"high", *high}, {"rule", rule}};
}

}  // namespace

IncidentSummary summarize_incident(std::int64_t id, const std::vector<StoredEvent>& reports) {
  IncidentSummary s;
  s.id = id;
  s.reports = static_cast<int>(reports.size());
  std::set<std::int64_t> documents;
  for (const auto& r : reports) documents.insert(r.document_id);
  s.documents = static_cast<int>(documents.size());

  json j;
  j["incident_id"] = id;
  j["reports"] = s.reports;
  j["documents"] = s.documents;
  auto [type, type_rule] =
      most_reported(reports, [](const EventRecord& r) { return r.event_type; });
  s.event_type = type;
  j["event_type"] = {{"value", type}, {"rule", type_rule}};
  std::vector<StoredEvent> of_type;
  for (const auto& r : reports) {
    if (r.record.event_type == type) of_type.push_back(r);
  }
  auto [sub, sub_rule] =
      most_reported(of_type, [](const EventRecord& r) { return r.sub_event_type; });
  s.sub_event_type = sub;
  j["sub_event_type"] = {{"value", sub}, {"rule", sub_rule + " of type " + type}};
  j["date"] = merged_date(reports, s);
  j["location"] = merged_location(reports, s);
  j["actor1"] = merged_actor(reports, &EventRecord::actor1);
  j["actor2"] = merged_actor(reports, &EventRecord::actor2);
  j["fatalities"] = merged_fatalities(reports, s);

  // Every account, so a reader sees who said what. Competing: a party's claim that no other
  // account bears out, by its toll (outside every other report's range) or by its doer.
  json accounts = json::array();
  for (const auto& r : reports) {
    const auto& rec = r.record;
    accounts.push_back(
        {{"event", r.id},
         {"document", r.document_id},
         {"doc_id", rec.doc.id},
         {"source", rec.source ? json(rec.source->name) : json(nullptr)},
         {"status", rec.source ? json(rec.source->status) : json(nullptr)},
         {"event_type", rec.event_type},
         {"actor1", rec.actor1 ? json(rec.actor1->name) : json(nullptr)},
         {"fatalities", rec.fatalities ? json(rec.fatalities->best) : json(nullptr)}});
  }
  for (const auto& claim : reports) {
    if (!is_claim(claim.record)) continue;
    const auto& cf = claim.record.fatalities;
    const auto& ca = claim.record.actor1;
    bool tolls_told = false, toll_borne_out = false, doers_told = false, doer_borne_out = false;
    for (const auto& other : reports) {
      if (is_claim(other.record)) continue;
      const auto& of = other.record.fatalities;
      if (cf && of) {
        tolls_told = true;
        toll_borne_out = toll_borne_out || (of->low <= cf->best && cf->best <= of->high);
      }
      const auto& oa = other.record.actor1;
      if (ca && oa && !is_descriptive_actor(*ca) && !is_descriptive_actor(*oa)) {
        doers_told = true;
        doer_borne_out = doer_borne_out || ca->name == oa->name;
      }
    }
    if ((tolls_told && !toll_borne_out) || (doers_told && !doer_borne_out)) s.competing = true;
  }
  j["competing"] = s.competing;
  j["accounts"] = std::move(accounts);
  s.json = std::move(j);
  return s;
}

}  // namespace vigie
