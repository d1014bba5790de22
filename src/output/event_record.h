#pragma once
// The event record of the output contract (shared docs: event-schema.md, version 1). Offsets here
// are already Unicode code points into the document text, as the contract requires.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie {

struct CodePointSpan {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
};

struct DocInfo {
  std::string id;
  std::optional<std::string> source;
  std::optional<std::string> url;
  std::optional<std::string> published;
  std::string lang;
};

struct DateField {
  std::optional<std::string> start;  ///< null when unresolved
  std::optional<std::string> end;
  std::string granularity;  ///< day, week, month, year
  std::string type;         ///< exact, approximate, range, unresolved
  int time_precision = 3;   ///< ACLED: 1 day, 2 week, 3 month or wider
  std::string text;
  std::optional<CodePointSpan> span;
};

struct LocationField {
  std::optional<std::string> name;
  std::optional<std::string> country;
  std::optional<std::string> admin1;
  std::optional<std::string> admin2;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<std::int64_t> geonameid;
  std::optional<std::string> feature_code;
  std::string precision;  ///< exact, near, admin2, admin1, country
  int geo_precision = 3;  ///< ACLED: 1 town, 2 near/part of a town, 3 region
  std::string text;
  std::optional<CodePointSpan> span;
};

struct ActorField {
  std::string name;
  std::string type;  ///< state_forces, rebel_group, …, external_other
  int inter = 0;     ///< ACLED inter code 1–8
  std::optional<std::string> country;
  std::string text;
  std::optional<CodePointSpan> span;
};

struct FatalitiesField {
  int best = 0;
  int low = 0;
  int high = 0;
  std::string text;
  std::optional<CodePointSpan> span;
};

struct SourceField {
  std::string name;
  std::string status;  ///< reported, claimed, denied, confirmed
  std::string cue;
  std::optional<CodePointSpan> span;
};

struct EventRecord {
  std::string event_id;
  std::string incident_id;
  DocInfo doc;
  std::string event_type;
  std::string sub_event_type;
  std::optional<std::string> plover;
  std::optional<std::string> cameo_root;
  std::optional<DateField> date;
  std::optional<LocationField> location;
  std::optional<ActorField> actor1;
  std::vector<ActorField> assoc_actor1;
  std::optional<ActorField> actor2;
  std::vector<ActorField> assoc_actor2;
  std::optional<int> interaction;
  std::optional<FatalitiesField> fatalities;
  std::optional<SourceField> source;
  std::vector<CodePointSpan> evidence;
  double confidence = 0;
};

inline constexpr const char* kEventSchema = "vigie.event/1";

}  // namespace vigie
