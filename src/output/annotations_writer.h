#pragma once
#include <ostream>

#include "document/document.h"
#include "gazetteer/gazetteer.h"

namespace vigie {

/// Every mention of a document, in text order, one per line: layer, code point span, the text,
/// the resolved value and the rule that produced it (`vigie extract --annotations`).
/// Places are described from `gazetteer` when there is one.
void write_annotations(const Document& doc, const Gazetteer* gazetteer, std::ostream& out);

}  // namespace vigie
