#pragma once
// Where vigie's own files are: given by an environment variable, else found beside the running
// binary (installed under share/vigie/, or in the build tree next to the sources), else the
// source tree the binary was built from.
#include <filesystem>
#include <initializer_list>

namespace vigie {

/// $`env_var` if set; else the first of `relatives` (to the binary's folder) holding `marker`;
/// else `fallback`.
std::filesystem::path locate_folder(const char* env_var,
                                    std::initializer_list<const char*> relatives,
                                    const char* marker, const std::filesystem::path& fallback);

}  // namespace vigie
