#include "util/locate.h"

#include <cstdlib>

namespace vigie {

namespace fs = std::filesystem;

fs::path locate_folder(const char* env_var, std::initializer_list<const char*> relatives,
                       const char* marker, const fs::path& fallback) {
  if (const char* env = std::getenv(env_var); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const char* rel : relatives) {
      const fs::path candidate = exe.parent_path() / rel;
      if (fs::exists(candidate / marker, ec)) return fs::weakly_canonical(candidate);
    }
  }
  return fallback;
}

}  // namespace vigie
