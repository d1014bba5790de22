#pragma once
// What events are built from: facts (not negated, announced or aimed at), clauses of a sentence
// that tell two events, and the datelines whose places and dates belong to no event.
#include <vector>

#include "document/document.h"
#include "events/role_lexicon.h"
#include "mentions/actor_knowledge_base.h"

namespace vigie {

/// Whether an event word reports something that happened.
bool reports_a_fact(const Document& doc, const TriggerMention& t, const RoleLexicon& roles);

/// The sentence, or its clauses where a coordinator opens a second clause with its own event
/// verb and its own place or day.
std::vector<Sentence> clauses(const Document& doc, const Sentence& sentence,
                              const std::vector<const TriggerMention*>& triggers,
                              const std::vector<const DateMention*>& dates,
                              const std::vector<const PlaceMention*>& places,
                              const RoleLexicon& roles);

/// The spans of the document's datelines (« OUAGADOUGOU (AFP) - »).
std::vector<Span> datelines(const Document& doc, const ActorKnowledgeBase& kb);

}  // namespace vigie
