#pragma once
#include <ostream>

#include "document/document.h"

namespace vigie {

/// Every mention of a document, in text order, one per line: layer, code point span, the text,
/// the resolved value and the rule that produced it (`vigie extract --annotations`).
void write_annotations(const Document& doc, std::ostream& out);

}  // namespace vigie
