#pragma once
// Stage 7, first version: one event per sentence that holds an event word (a trigger), its
// arguments taken from that sentence only. What it does and does not do yet is in docs/events.md;
// every choice is conservative: a field the sentence does not give stays null or unresolved.
#include <vector>

#include "document/document.h"
#include "gazetteer/gazetteer.h"
#include "mentions/actor_knowledge_base.h"
#include "mentions/event_taxonomy.h"
#include "output/event_record.h"

namespace vigie {

class EventBuilder {
 public:
  /// `gazetteer` may be null: places then keep only their country.
  EventBuilder(const EventTaxonomy& taxonomy, const ActorKnowledgeBase& actors,
               const Gazetteer* gazetteer);

  std::vector<EventRecord> build(const Document& doc) const;

 private:
  const EventTaxonomy& taxonomy_;
  const ActorKnowledgeBase& actors_;
  const Gazetteer* gazetteer_;
};

}  // namespace vigie
