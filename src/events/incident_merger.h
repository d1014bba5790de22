#pragma once
// Within one article: repeated mentions of one incident (headline, lead, quote, recap) become one
// record with all their evidence; competing accounts of one incident from different sources stay
// separate records that share an incident_id; events that name nothing concrete and repeat no
// other are general statements and are dropped. Rules in docs/events.md ("One incident").
#include <string>
#include <vector>

#include "events/event_candidate.h"

namespace vigie {

/// Merges and links the candidates of one document (in text order), then numbers the events
/// `<doc_id>#1`, `#2`… in the order of their first evidence. Candidates that give no record are
/// added to `left_out` with the reason, when it is given.
std::vector<EventCandidate> merge_incidents(std::vector<EventCandidate> candidates,
                                            const std::string& doc_id,
                                            std::vector<LeftOutCandidate>* left_out = nullptr);

}  // namespace vigie
