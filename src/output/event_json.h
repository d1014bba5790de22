#pragma once
#include <nlohmann/json.hpp>

#include "output/event_record.h"

namespace vigie {

/// The record as the contract's JSON object, keys in contract order; unknown objects are null.
nlohmann::ordered_json to_json(const EventRecord& record);

/// The record back from its contract JSON (a store reading what it kept); throws
/// nlohmann::json::exception when a field has the wrong type.
EventRecord record_from_json(const nlohmann::json& j);

}  // namespace vigie
