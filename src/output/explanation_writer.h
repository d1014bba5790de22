#pragma once
// `vigie explain`: each event of a document as an analyst reads it — the event word and the rule
// that fired, the sentences it rests on, every field with the words it came from, and the reasons
// for each choice, in the order the builder made them.
#include <ostream>
#include <vector>

#include "document/document.h"
#include "events/event_candidate.h"

namespace vigie {

/// Each event with its words, fields and reasons, then the event words that gave no record.
void write_explanation(const Document& doc, const std::vector<EventCandidate>& events,
                       const std::vector<LeftOutCandidate>& left_out, std::ostream& out);

}  // namespace vigie
