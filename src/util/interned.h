#pragma once
// A process-wide pool of immutable strings for small closed vocabularies (morphological feature
// strings): tokens hold a view instead of a copy, and the pool lives as long as the process,
// so a view never dangles whatever outlives what.
#include <string_view>

namespace vigie {

/// The pooled copy of `s`; equal strings share one copy. Thread-safe.
std::string_view intern(std::string_view s);

}  // namespace vigie
