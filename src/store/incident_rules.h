#pragma once
// When two records from different articles report one incident. The store calls this for every
// earlier record near a new one in time and space; it needs no database, so every backend clusters
// the same way and the rules are tested on records alone.
#include <optional>
#include <string>

#include "output/event_record.h"

namespace vigie {

/// Places closer than this, both known to the town, can be one incident's place.
inline constexpr double kSameIncidentKm = 25.0;
/// A date wider than this (a season, a year) ties no report to another.
inline constexpr int kWidestMatchingDateDays = 31;
/// Reports of a day may be a day off (« hier » written after midnight, a dateline's local time).
inline constexpr int kDateSlackDays = 1;

struct IncidentMatch {
  double score = 0;  ///< higher is a closer match; compare only between matches
  std::string rule;  ///< why, in words: "dates overlap; 3 km apart; shared actor Wagner Group"
};

/// A match when the two records can be accounts of one incident: compatible event types, dates
/// that overlap, places that agree, actors that do not conflict. Unresolved dates and unknown
/// places never match, nor dates wider than kWidestMatchingDateDays: the store keeps such records
/// as incidents of their own.
std::optional<IncidentMatch> same_incident(const EventRecord& a, const EventRecord& b);

/// True when the two records cannot be accounts of one incident whatever else they say: types
/// of different families, days apart (beyond kDateSlackDays), different countries, towns farther
/// apart than kSameIncidentKm, different districts or regions (where one place is coarser than a
/// town), or armed actors that do not fit. Unknown dates or places conflict with nothing. A
/// report joins an incident only when it conflicts with none of its reports, so incidents never
/// chain (A fits B, B fits C, but A and C name different armed groups).
bool reports_conflict(const EventRecord& a, const EventRecord& b);

/// An actor named by what it is rather than who ("Unidentified Armed Group (Mali)", "Islamist
/// Militia (Niger)", "Civilians (Mali)", protesters, rioters): it fits a named one, never
/// identifies an incident by itself.
bool is_descriptive_actor(const ActorField& actor);

/// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

/// The first day (inclusive) and last day of a record's date as days since 1970-01-01.
struct DayRange {
  long first = 0;
  long last = 0;
};
std::optional<DayRange> day_range(const EventRecord& record);

}  // namespace vigie
