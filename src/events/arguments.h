#pragma once
// The arguments of one event, chosen from its clause and sentence: who told it, when, where, how
// many died. Each choice adds a line to `reasons` for `vigie explain`; what the text does not
// give stays null or unresolved (docs/events.md, "Arguments").
#include <optional>
#include <string>
#include <vector>

#include "document/document.h"
#include "gazetteer/gazetteer.h"
#include "mentions/actor_knowledge_base.h"
#include "output/event_record.h"

namespace vigie {

CodePointSpan code_points(const Document& doc, Span s);
ActorField actor_field(const Document& doc, const ActorMention& a);
/// An actor the text does not name as such (ACLED's defaults): no words, no span.
ActorField actor_field(const Actor& a);

/// The narrowest attributed stretch of the sentence that holds the event word, one with a known
/// speaker first (« A man accused of blasphemy was lynched…, police said »); null for none.
const AttributionMention* who_said(const std::vector<const AttributionMention*>& in_sentence,
                                   Span trigger);

/// The most precise resolved date of what was said, else of the clause; the first on a tie.
const DateMention* event_date(const std::vector<const DateMention*>& dates,
                              const AttributionMention* said);
/// The record's date; `unresolved` without a mention.
DateField date_field(const Document& doc, const DateMention* date,
                     std::vector<std::string>& reasons);

/// A place below the country before a country named alone, what was said first, never one in
/// the speaker's own words (« a déclaré un habitant de la localité voisine de Gorom-Gorom »), a
/// place that names an actor ("Katsina militiamen") or a country that acts ("Turkey has shelled a
/// city in Syria") after those that do not.
const PlaceMention* event_place(const Document& doc, const std::vector<const PlaceMention*>& places,
                                const AttributionMention* said,
                                const std::vector<const ActorMention*>& actors);
/// The record's location; a country alone has no place name. `gazetteer` may be null.
std::optional<LocationField> location_field(const Document& doc, const PlaceMention* place,
                                            const Gazetteer* gazetteer,
                                            std::vector<std::string>& reasons);

/// The deaths counted in the clause, added up; `killed` gets each counted group ("" unsaid).
std::optional<FatalitiesField> toll(const Document& doc,
                                    const std::vector<const CountMention*>& counts,
                                    std::vector<std::string>& killed,
                                    std::vector<std::string>& reasons);

/// The speaker and its status (claimed for a party, reported for others, denied, confirmed);
/// else a reporting organisation of the sentence; else the publisher; else null.
std::optional<SourceField> event_source(const Document& doc, const AttributionMention* said,
                                        const std::vector<const ActorMention*>& actors,
                                        const ActorKnowledgeBase& kb,
                                        std::vector<std::string>& reasons);

}  // namespace vigie
