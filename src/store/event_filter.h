#pragma once
// Filters as people write them, on the command line (--country ML) and in URLs (?country=ML):
// one parser, so both accept and refuse the same values.
#include <optional>
#include <string>

#include "store/event_store.h"

namespace vigie {

/// Sets the filter field `name` (country, from, to, type, actor, near, text, incident, limit,
/// offset) from `value`; the error in words when the name is unknown or the value malformed.
std::optional<std::string> set_filter_field(EventFilter& filter, const std::string& name,
                                            const std::string& value);

}  // namespace vigie
