#pragma once
// The identity of an input's bytes: the same article fed twice (a re-run, the same page in two
// feeds) has the same hash, so a store can skip it before any work is done.
#include <string>
#include <string_view>

namespace vigie {

/// XXH3 128-bit hash of the bytes as 32 lowercase hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace vigie
