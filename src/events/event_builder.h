#pragma once
// Stage 7: from the mention layers to event records. One candidate per sentence that reports a
// fact with an event word, its fields from the clause and the sentence; repeated mentions of one
// incident are then merged and competing accounts linked (events/incident_merger.h). The rules
// are in docs/events.md; a field the text does not give stays null or unresolved.
#include <vector>

#include "document/document.h"
#include "events/event_candidate.h"
#include "events/relevance.h"
#include "events/role_lexicon.h"
#include "gazetteer/gazetteer.h"
#include "mentions/actor_knowledge_base.h"
#include "mentions/event_taxonomy.h"
#include "output/event_record.h"

namespace vigie {

class EventBuilder {
 public:
  /// `gazetteer` may be null: places then keep only their country.
  EventBuilder(const EventTaxonomy& taxonomy, const ActorKnowledgeBase& actors,
               const Gazetteer* gazetteer, const RoleLexicon& roles, const Relevance& relevance);

  std::vector<EventRecord> build(const Document& doc) const;

  /// The same events with the reasons for every choice (`vigie explain`); `left_out`, when
  /// given, receives the event words that gave no record and why.
  std::vector<EventCandidate> build_explained(
      const Document& doc, std::vector<LeftOutCandidate>* left_out = nullptr) const;

 private:
  /// For an event whose sentence names no place: the last place named before it in its
  /// paragraph, else the document's country.
  std::optional<LocationField> borrowed_location(const Document& doc, const Span& sentence,
                                                 std::vector<std::string>& reasons) const;
  void give_country(EventRecord& e) const;
  /// Whether the active deed's object is a civilian place or people ("attacked three homes").
  bool strikes_civilians(const Document& doc, const Sentence& sentence,
                         const TriggerMention& trigger) const;
  void escalate_protest(std::vector<EventCandidate>& found) const;
  std::vector<EventCandidate> candidates(const Document& doc,
                                         std::vector<LeftOutCandidate>* left_out) const;
  const Country* event_country(const EventRecord& e, const std::string& fallback) const;
  void one_sided_clash(const Document& doc, EventCandidate& c) const;
  ActorField communal_side(const ActorField& people, const Country* country) const;
  void communal_clash(const std::string& main_country, EventCandidate& c) const;
  void crowd_violence(const Document& doc, EventCandidate& c) const;
  void name_unnamed_author(const Document& doc, EventCandidate& c) const;
  void owner_of_looted_goods(const Document& doc, EventCandidate& c) const;
  const Token* unarmed_doer(const Document& doc, const EventCandidate& c) const;
  const ActorMention* suspect_named_nearby(const Document& doc, const EventCandidate& c) const;
  void fill_default_actors(const EventKind& kind, const std::string& main_country,
                           const std::vector<const CountMention*>& counts,
                           const std::vector<ActorMention>& doc_actors, EventRecord& e,
                           std::vector<std::string>& reasons) const;

  const EventTaxonomy& taxonomy_;
  const ActorKnowledgeBase& actors_;
  const Gazetteer* gazetteer_;
  const RoleLexicon& roles_;
  const Relevance& relevance_;
};

}  // namespace vigie
