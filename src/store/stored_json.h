#pragma once
#include <nlohmann/json.hpp>

#include "store/event_store.h"

namespace vigie {

/// A stored record as the contract's JSON: `incident_id` is the store's incident (accounts of
/// one incident from every article share it), `article_incident_id` the extractor's own, and
/// `store` gives the ids the store and its API use.
nlohmann::ordered_json stored_event_json(const StoredEvent& event);

}  // namespace vigie
