#pragma once
#include <ostream>

#include "document/document.h"
#include "gazetteer/gazetteer.h"

namespace vigie {

/// Every mention of a document, in text order, one per line: layer, code point span, the text,
/// the resolved value and the rule that produced it (`vigie extract --annotations`).
/// Places are described from `gazetteer` when there is one.
void write_annotations(const Document& doc, const Gazetteer* gazetteer, std::ostream& out);

/// The same mentions as JSON lines, one object per mention (`--annotations --format jsonl`):
/// {"doc", "kind", "begin", "end" (code points), "text", "rule", ...} and, by kind, its resolved
/// value; a place carries its entry, coordinates and the entries it was weighed against, so that
/// geoparsing can be scored (tools/geoparse_score.py) and reused. Layout in docs/mentions.md.
void write_annotations_jsonl(const Document& doc, const Gazetteer* gazetteer, std::ostream& out);

}  // namespace vigie
