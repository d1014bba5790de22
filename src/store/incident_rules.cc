#include "store/incident_rules.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "events/event_kinds.h"

namespace vigie {

namespace {

std::optional<long> day_number(const std::optional<std::string>& iso) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (!iso || std::sscanf(iso->c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// Reports of one incident often type it differently (an attack on a village is "clashes" in one
// article, "violence against civilians" in another), but never across these families.
int type_family(const std::string& event_type) {
  if (is_violent(event_type)) return 0;
  if (event_type == "Protests" || event_type == "Riots") return 1;
  return 2;
}

std::vector<const ActorField*> actors_of(const EventRecord& r) {
  std::vector<const ActorField*> out;
  if (r.actor1) out.push_back(&*r.actor1);
  if (r.actor2) out.push_back(&*r.actor2);
  for (const auto& a : r.assoc_actor1) out.push_back(&a);
  for (const auto& a : r.assoc_actor2) out.push_back(&a);
  return out;
}

// A named actor both records share, or null; set `conflict` when each names armed actors and
// none of one side's fits any of the other's (an armed group named by what it is fits any
// armed group).
const ActorField* shared_actor(const EventRecord& a, const EventRecord& b, bool& conflict) {
  const auto as = actors_of(a);
  const auto bs = actors_of(b);
  for (const auto* x : as) {
    if (is_descriptive_actor(*x)) continue;
    for (const auto* y : bs) {
      if (x->name == y->name) return x;
    }
  }
  auto specific_count = [](const std::vector<const ActorField*>& v) {
    return std::count_if(v.begin(), v.end(),
                         [](const auto* x) { return !is_descriptive_actor(*x); });
  };
  bool fits = false;
  for (const auto* x : as) {
    for (const auto* y : bs) {
      const bool same_state = x->type == "state_forces" && y->type == "state_forces" &&
                              x->country && x->country == y->country;
      const bool unnamed_armed =
          (is_descriptive_actor(*x) && x->type != "civilians" && y->type != "civilians") ||
          (is_descriptive_actor(*y) && y->type != "civilians" && x->type != "civilians");
      const bool same_kind_generic =
          is_descriptive_actor(*x) && is_descriptive_actor(*y) && x->type == y->type;
      if (same_state || unnamed_armed || same_kind_generic) fits = true;
    }
  }
  conflict = !fits && specific_count(as) > 0 && specific_count(bs) > 0;
  return nullptr;
}

std::string km_text(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km apart", km);
  return buf;
}

}  // namespace

bool is_descriptive_actor(const ActorField& a) {
  return a.name.rfind("Unidentified", 0) == 0 || a.name.rfind("Islamist Militia", 0) == 0 ||
         a.type == "civilians" || a.type == "protesters" || a.type == "rioters";
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0088;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<DayRange> day_range(const EventRecord& record) {
  if (!record.date) return std::nullopt;
  const auto first = day_number(record.date->start);
  const auto last = day_number(record.date->end ? record.date->end : record.date->start);
  if (!first || !last || *last < *first) return std::nullopt;
  return DayRange{*first, *last};
}

bool reports_conflict(const EventRecord& a, const EventRecord& b) {
  if (type_family(a.event_type) != type_family(b.event_type)) return true;
  const auto da = day_range(a);
  const auto db = day_range(b);
  if (da && db &&
      (da->first > db->last + kDateSlackDays || db->first > da->last + kDateSlackDays)) {
    return true;
  }
  bool actors_conflict = false;
  shared_actor(a, b, actors_conflict);
  if (actors_conflict) return true;
  if (!a.location || !b.location) return false;
  const auto& la = *a.location;
  const auto& lb = *b.location;
  if (la.country && lb.country && la.country != lb.country) return true;
  const bool both_towns =
      la.geo_precision <= 2 && lb.geo_precision <= 2 && la.lat && la.lon && lb.lat && lb.lon;
  if (both_towns) return distance_km(*la.lat, *la.lon, *lb.lat, *lb.lon) > kSameIncidentKm;
  auto differ = [](const std::optional<std::string>& x, const std::optional<std::string>& y) {
    return x && y && *x != *y;
  };
  return differ(la.admin1, lb.admin1) || differ(la.admin2, lb.admin2);
}

std::optional<IncidentMatch> same_incident(const EventRecord& a, const EventRecord& b) {
  if (type_family(a.event_type) != type_family(b.event_type)) return std::nullopt;

  const auto da = day_range(a);
  const auto db = day_range(b);
  if (!da || !db) return std::nullopt;
  if (da->last - da->first >= kWidestMatchingDateDays ||
      db->last - db->first >= kWidestMatchingDateDays) {
    return std::nullopt;
  }
  if (da->first > db->last + kDateSlackDays || db->first > da->last + kDateSlackDays) {
    return std::nullopt;
  }
  // A month or a season overlaps too much to tie reports by date alone.
  const bool vague_date = da->last - da->first > 7 || db->last - db->first > 7;

  if (!a.location || !b.location || !a.location->country ||
      a.location->country != b.location->country) {
    return std::nullopt;
  }
  bool conflict = false;
  const ActorField* shared = shared_actor(a, b, conflict);
  if (conflict) return std::nullopt;
  const bool same_sub_type = a.sub_event_type == b.sub_event_type;

  IncidentMatch match;
  match.score = 1;
  match.rule = same_sub_type ? "same sub-event type" : "compatible event types";
  match.rule += "; dates overlap";
  const auto& la = *a.location;
  const auto& lb = *b.location;
  const bool both_towns =
      la.geo_precision <= 2 && lb.geo_precision <= 2 && la.lat && la.lon && lb.lat && lb.lon;
  if (both_towns) {
    const double km = distance_km(*la.lat, *la.lon, *lb.lat, *lb.lon);
    if (km > kSameIncidentKm) return std::nullopt;
    match.score += 1 - km / kSameIncidentKm;
    match.rule += "; " + km_text(km);
  } else if (la.admin2 && la.admin2 == lb.admin2) {
    // One place is known only to its district: it agrees, but says less than a town would.
    if (!shared && !same_sub_type) return std::nullopt;
    match.rule += "; same admin2 " + *la.admin2;
  } else if ((la.admin2 && lb.admin2) || !la.admin1 || la.admin1 != lb.admin1) {
    return std::nullopt;
  } else {
    if (!shared || !same_sub_type || vague_date) return std::nullopt;
    match.rule += "; same admin1 " + *la.admin1;
  }
  if (vague_date && !(both_towns && shared)) return std::nullopt;
  if (shared) {
    match.score += 1;
    match.rule += "; shared actor " + shared->name;
  }
  if (same_sub_type) match.score += 0.5;
  if (da->first == db->first && da->last == db->last) match.score += 0.5;
  return match;
}

}  // namespace vigie
