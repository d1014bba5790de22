#pragma once
// One incident as its reports together tell it: each field merged from the records of every
// article, with the rule that chose it, and the accounts that disagree kept side by side.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "output/event_record.h"

namespace vigie {

/// A record as the store holds it: which article it came from, which incident it joined.
struct StoredEvent {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::int64_t incident_id = 0;
  EventRecord record;
};

struct IncidentSummary {
  std::int64_t id = 0;
  std::string event_type;
  std::string sub_event_type;
  std::optional<std::string> country;
  std::optional<std::string> date_start;
  std::optional<std::string> date_end;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<int> fatalities;  ///< the merged best figure
  int reports = 0;                ///< records
  int documents = 0;              ///< articles
  bool competing = false;         ///< a party's claim and another account disagree
  nlohmann::ordered_json json;    ///< every merged field with its rule, the sources, the accounts
};

/// The merged incident from its reports (at least one), in ingestion order.
IncidentSummary summarize_incident(std::int64_t id, const std::vector<StoredEvent>& reports);

}  // namespace vigie
