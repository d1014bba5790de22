#include "fuzz_support.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "gazetteer/gazetteer.h"
#include "lang/language_pack.h"

namespace vigie::fuzz {

const Pipeline& pipeline() {
  static const auto languages = std::make_unique<LanguageRegistry>(default_lang_root());
  static const std::optional<Gazetteer> gazetteer = []() -> std::optional<Gazetteer> {
    const char* data = std::getenv("VIGIE_DATA");
    if (!data) return std::nullopt;
    std::string error;
    auto g = Gazetteer::load(Gazetteer::file_in(data), error);
    if (!g) std::abort();  // a gazetteer asked for and unreadable: no silent half-run
    return g;
  }();
  static const Pipeline instance(*languages, [] {
    PipelineOptions o;
    o.gazetteer = gazetteer ? &*gazetteer : nullptr;
    return o;
  }());
  return instance;
}

}  // namespace vigie::fuzz
