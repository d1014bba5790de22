#pragma once
#include <string>
#include <vector>

#include "store/event_store.h"

namespace vigie {

/// The evidence rows of a record: the event's own evidence spans and every field's span, each
/// with its words cut from `text` (the document text; spans count code points in it).
std::vector<Evidence> evidence_of(const EventRecord& record, const std::string& text);

}  // namespace vigie
