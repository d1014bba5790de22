#include "events/event_builder.h"

#include <algorithm>
#include <chrono>

#include "mentions/calendar.h"
#include "text/folding.h"

namespace vigie {
namespace {

// Events dated wholly more than this before publication are history recalled as context.
constexpr std::chrono::days kBackgroundAge{365};

// Each layer's mentions grouped by the sentence that holds them, in one pass per layer (sentences
// are in text order; a layer need not be), so a long document costs no more per sentence.
template <class Mention>
std::vector<std::vector<const Mention*>> by_sentence(const std::vector<Mention>& layer,
                                                     const std::vector<Sentence>& sentences) {
  std::vector<std::vector<const Mention*>> out(sentences.size());
  for (const auto& m : layer) {
    auto it =
        std::upper_bound(sentences.begin(), sentences.end(), m.span.begin,
                         [](std::uint32_t at, const Sentence& s) { return at < s.span.begin; });
    if (it == sentences.begin()) continue;
    --it;
    if (it->span.contains(m.span))
      out[static_cast<std::size_t>(it - sentences.begin())].push_back(&m);
  }
  for (auto& list : out) {
    std::stable_sort(list.begin(), list.end(), [](const Mention* a, const Mention* b) {
      return a->span.begin < b->span.begin;
    });
  }
  return out;
}

// Verb groups are found in token order.
const VerbGroup* verb_group_of(const Document& doc, std::uint32_t token) {
  auto it = std::upper_bound(doc.verb_groups.begin(), doc.verb_groups.end(), token,
                             [](std::uint32_t at, const VerbGroup& g) { return at < g.first; });
  if (it == doc.verb_groups.begin()) return nullptr;
  --it;
  return it->first <= token && token <= it->last ? &*it : nullptr;
}

// A negated or announced event did not happen (« n'a pas été attaqué », "will attack"), and a
// verb in the infinitive outside a verb group names an aim or a threat, not a deed (« engagé pour
// combattre », « menace d'attaquer », "vowed to attack"); « affirme avoir capturé » is a group.
bool reports_a_fact(const Document& doc, const TriggerMention& t) {
  if (const VerbGroup* g = verb_group_of(doc, t.head)) {
    return !g->negated && g->tense != Tense::Future;
  }
  const Token& head = doc.tokens[t.head];
  return !(head.pos == Pos::VERB && head.features.find("VerbForm=Inf") != std::string::npos);
}

CodePointSpan code_points(const Document& doc, Span s) {
  return {doc.code_point_at(s.begin), doc.code_point_at(s.end)};
}

ActorField actor_field(const Document& doc, const ActorMention& a) {
  ActorField f;
  f.name = a.name;
  f.type = a.type;
  f.inter = a.inter;
  if (!a.country.empty()) f.country = a.country;
  f.text = std::string(doc.slice(a.span));
  f.span = code_points(doc, a.span);
  return f;
}

int geo_precision(const std::string& precision) {
  if (precision == "exact") return 1;
  if (precision == "near") return 2;
  return 3;
}

int time_precision(DateGranularity g) {
  switch (g) {
    case DateGranularity::Day:
      return 1;
    case DateGranularity::Week:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

EventBuilder::EventBuilder(const EventTaxonomy& taxonomy, const ActorKnowledgeBase& actors,
                           const Gazetteer* gazetteer)
    : taxonomy_(taxonomy), actors_(actors), gazetteer_(gazetteer) {}

std::vector<EventRecord> EventBuilder::build(const Document& doc) const {
  std::vector<EventRecord> events;
  const auto published = doc.meta.published ? calendar::parse_iso(*doc.meta.published)
                                            : std::optional<calendar::Day>();
  const auto triggers_in = by_sentence(doc.triggers, doc.sentences);
  const auto dates_in = by_sentence(doc.dates, doc.sentences);
  const auto places_in = by_sentence(doc.places, doc.sentences);
  const auto actors_in = by_sentence(doc.actors, doc.sentences);
  const auto counts_in = by_sentence(doc.counts, doc.sentences);
  for (std::size_t index = 0; index < doc.sentences.size(); ++index) {
    const Sentence& sentence = doc.sentences[index];
    const auto& triggers = triggers_in[index];
    const TriggerMention* trigger = nullptr;
    for (const TriggerMention* t : triggers) {
      if (reports_a_fact(doc, *t)) {
        trigger = t;
        break;
      }
    }
    if (!trigger) continue;
    const EventKind* kind = taxonomy_.find(trigger->sub_event_type);
    if (!kind) continue;

    EventRecord e;
    e.doc = {doc.meta.id, doc.meta.source, doc.meta.url, doc.meta.published, doc.language.code};

    // Date: the sentence's first resolved expression; background history is dropped.
    for (const DateMention* d : dates_in[index]) {
      if (!d->start) continue;
      DateField f;
      f.start = d->start;
      f.end = d->end;
      f.granularity = std::string(granularity_name(d->granularity));
      f.type = std::string(date_type_name(d->type));
      f.time_precision = time_precision(d->granularity);
      f.text = std::string(doc.slice(d->span));
      f.span = code_points(doc, d->span);
      e.date = f;
      break;
    }
    if (e.date && published && e.date->end) {
      if (auto end = calendar::parse_iso(*e.date->end); end && *end < *published - kBackgroundAge) {
        continue;
      }
    }
    if (!e.date) {
      e.date = DateField{};
      e.date->granularity = "day";
      e.date->type = "unresolved";
    }

    // Place: a resolved place before a country named alone.
    const PlaceMention* place = nullptr;
    for (const PlaceMention* p : places_in[index]) {
      if (!place || (p->place && !place->place)) place = p;
    }
    if (place) {
      LocationField f;
      f.precision = place->precision;
      f.geo_precision = geo_precision(place->precision);
      if (!place->country.empty()) f.country = place->country;
      if (place->place && gazetteer_) {
        const Place& g = gazetteer_->place(*place->place);
        // A transliteration variant keeps the article's spelling (« Moura » for GeoNames' Mora):
        // it is the name a reader of the article looks for; the entry is in geonameid.
        const std::string written = fold(doc.slice(place->span));
        const bool variant =
            written != fold(g.ascii_name) && written != fold(g.name) &&
            Gazetteer::spelling_key(written) == Gazetteer::spelling_key(fold(g.ascii_name));
        f.name = variant ? std::string(doc.slice(place->span)) : g.ascii_name;
        f.lat = g.lat;
        f.lon = g.lon;
        f.geonameid = g.geonameid;
        f.feature_code = g.feature_code;
        if (auto a1 = gazetteer_->admin1_name(g.country, g.admin1); !a1.empty()) f.admin1 = a1;
      } else {
        f.name = std::string(doc.slice(place->span));
      }
      f.text = std::string(doc.slice(place->span));
      f.span = code_points(doc, place->span);
      e.location = f;
    }

    // Actors: before the trigger acts, after it undergoes; the passive turns that round.
    const VerbGroup* group = verb_group_of(doc, trigger->head);
    const bool passive = group && group->voice == Voice::Passive;
    std::vector<const ActorMention*> before, after;
    for (const ActorMention* a : actors_in[index]) {
      // An organisation that reports (HRW, the UN, a news agency) is the source, not a party.
      if (const Actor* known = actors_.find(a->name); known && known->source) {
        if (!e.source) {
          e.source = SourceField{a->name, "reported", std::string(doc.slice(a->span)),
                                 code_points(doc, a->span)};
        }
        continue;
      }
      (a->span.begin < trigger->span.begin ? before : after).push_back(a);
    }
    const auto& agents = passive ? after : before;
    const auto& patients = passive ? before : after;
    auto add_actors = [&](const std::vector<const ActorMention*>& from,
                          std::optional<ActorField>& main, std::vector<ActorField>& assoc) {
      for (const ActorMention* a : from) {
        if (e.actor1 && e.actor1->name == a->name) continue;
        if (!main) {
          main = actor_field(doc, *a);
        } else if (main->name != a->name &&
                   std::none_of(assoc.begin(), assoc.end(),
                                [&](const ActorField& f) { return f.name == a->name; })) {
          assoc.push_back(actor_field(doc, *a));
        }
      }
    };
    add_actors(agents, e.actor1, e.assoc_actor1);
    add_actors(patients, e.actor2, e.assoc_actor2);

    // Fatalities: the deaths counted in the sentence, added up.
    for (const CountMention* c : counts_in[index]) {
      if (c->what != "killed") continue;
      const NumberMention& n = doc.numbers[c->number];
      if (!e.fatalities) {
        e.fatalities = FatalitiesField{};
        e.fatalities->text = std::string(doc.slice(c->span));
        e.fatalities->span = code_points(doc, c->span);
      }
      e.fatalities->best += static_cast<int>(n.best);
      e.fatalities->low += static_cast<int>(n.low.value_or(n.best));
      e.fatalities->high += static_cast<int>(n.high.value_or(n.best));
    }

    // Civilians on the receiving end of a clash make it violence against civilians (ACLED).
    if (kind->event_type == "Battles" && e.actor2 && e.actor2->type == "civilians") {
      kind = taxonomy_.find("Attack");
    }
    e.event_type = kind->event_type;
    e.sub_event_type = kind->sub_event_type;
    if (!kind->plover.empty()) e.plover = kind->plover;
    if (!kind->cameo_root.empty()) e.cameo_root = kind->cameo_root;
    if (e.actor1) {
      const int a = e.actor1->inter, b = e.actor2 ? e.actor2->inter : 0;
      e.interaction = b ? std::min(a, b) * 10 + std::max(a, b) : a * 10;
    }
    e.evidence.push_back(code_points(doc, sentence.span));
    // How much of the record the sentence filled: a guide for review, not a probability.
    const int filled = (e.date->start ? 1 : 0) + (e.location ? 1 : 0) + (e.actor1 ? 1 : 0) +
                       (e.actor2 ? 1 : 0) + (e.fatalities ? 1 : 0);
    e.confidence = 0.3 + 0.1 * filled;
    e.event_id = doc.meta.id + "#" + std::to_string(events.size() + 1);
    e.incident_id = e.event_id;
    events.push_back(std::move(e));
  }
  return events;
}

}  // namespace vigie
