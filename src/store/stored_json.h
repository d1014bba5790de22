#pragma once
#include <nlohmann/json.hpp>

#include "store/event_store.h"

namespace vigie {

/// A stored record as the contract's JSON: `incident_id` is the store's incident (accounts of
/// one incident from every article share it), `article_incident_id` the extractor's own, and
/// `store` gives the ids the store and its API use.
nlohmann::ordered_json stored_event_json(const StoredEvent& event);

/// The record back from what stored_event_json() wrote, the extractor's own incident_id
/// restored; the store's ids come from the row beside it.
EventRecord stored_record_from_json(const std::string& json);

/// "week", "month", "type", "country", "actor"; nullopt for anything else.
std::optional<StatsKey> stats_key(const std::string& name);

/// {"events": n, "incidents": n, "by_<key>": [{key, events, incidents, fatalities}…]} for each key
/// name (already checked with stats_key).
nlohmann::ordered_json stats_json(EventStore& store, const EventFilter& filter,
                                  const std::vector<std::string>& keys);

/// A stored document for a reader: its ids, metadata and text.
nlohmann::ordered_json document_json(const StoredDocument& document);

}  // namespace vigie
