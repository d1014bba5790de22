#include "util/interned.h"

#include <mutex>
#include <string>
#include <unordered_set>

namespace vigie {

std::string_view intern(std::string_view s) {
  static std::mutex mutex;
  // Node-based: element addresses are stable across rehashing.
  static std::unordered_set<std::string> pool;
  std::lock_guard lock(mutex);
  return *pool.emplace(s).first;
}

}  // namespace vigie
