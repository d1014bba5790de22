#pragma once
#include <nlohmann/json.hpp>

#include "output/event_record.h"

namespace vigie {

/// The record as the contract's JSON object, keys in contract order; unknown objects are null.
nlohmann::ordered_json to_json(const EventRecord& record);

}  // namespace vigie
