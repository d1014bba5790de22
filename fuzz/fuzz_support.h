#pragma once
// What every fuzz target shares: one pipeline, built once per process from the language packs
// of the source tree (or $VIGIE_LANG_DIR) and, when $VIGIE_DATA holds one, the gazetteer.
#include "pipeline/pipeline.h"

namespace vigie::fuzz {

const Pipeline& pipeline();

}  // namespace vigie::fuzz
