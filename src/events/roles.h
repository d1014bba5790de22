#pragma once
// Who did what to whom around one event word: the doers (agents), those it was done to
// (targets) and the actors who joined either side, from the clause the event word stands in.
// The rules, in the order they apply, are in docs/events.md ("Roles").
#include <deque>
#include <string>
#include <vector>

#include "document/document.h"
#include "events/role_lexicon.h"
#include "mentions/actor_knowledge_base.h"

namespace vigie {

struct Roles {
  std::vector<const ActorMention*> agents;   ///< the first is actor1
  std::vector<const ActorMention*> targets;  ///< the first is actor2
  std::vector<const ActorMention*> with_agents, with_targets;
  std::vector<std::string> reasons;  ///< one line per choice, for `vigie explain`
  std::deque<ActorMention> renamed;  ///< mentions re-identified here; the lists point into it
};

/// What one sentence offers for the roles of its event.
struct ClauseContext {
  const Document& doc;
  const Sentence& sentence;
  const TriggerMention& trigger;
  const AttributionMention* said;  ///< the attribution covering the trigger
  const std::vector<const AttributionMention*>& attributions;  ///< all of the sentence's
  const std::vector<const ActorMention*>& actors;              ///< the sentence's actors, in order
  const std::vector<const CountMention*>& counts;              ///< the sentence's counts
};

/// Organisations that report (HRW, agencies: `source` in data/actors.tsv) are never a party.
Roles assign_roles(const ClauseContext& c, const RoleLexicon& lexicon,
                   const ActorKnowledgeBase& actors);

/// The token that starts at or holds a byte offset (tokens are in text order).
std::uint32_t token_at(const Document& doc, std::uint32_t offset);

}  // namespace vigie
