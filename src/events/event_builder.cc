#include "events/event_builder.h"

#include <algorithm>
#include <chrono>

#include "events/arguments.h"
#include "events/clauses.h"
#include "events/event_kinds.h"
#include "events/incident_merger.h"
#include "events/roles.h"
#include "mentions/calendar.h"

namespace vigie {
namespace {

// Events dated wholly more than this before publication are history recalled as context.
constexpr std::chrono::days kBackgroundAge{365};

// A brief — a wire flash, a monitor's note, a text of a few sentences — reports one thing: what it
// tells happened, even when it names no place or day of its own, and it happened when reported.
constexpr std::size_t kBriefSentences = 5;
constexpr std::size_t kBriefBytes = 1500;

bool is_brief(const Document& doc) {
  return doc.sentences.size() <= kBriefSentences && doc.text().size() <= kBriefBytes;
}

// Each layer's mentions grouped by the sentence that holds them, in one pass per layer (sentences
// are in text order; a layer need not be), so a long document costs no more per sentence.
template <class Mention, class SpanOf>
std::vector<std::vector<const Mention*>> by_sentence(const std::vector<Mention>& layer,
                                                     const std::vector<Sentence>& sentences,
                                                     SpanOf span_of) {
  std::vector<std::vector<const Mention*>> out(sentences.size());
  for (const auto& m : layer) {
    const Span span = span_of(m);
    auto it =
        std::upper_bound(sentences.begin(), sentences.end(), span.begin,
                         [](std::uint32_t at, const Sentence& s) { return at < s.span.begin; });
    if (it == sentences.begin()) continue;
    --it;
    if (it->span.contains(span))
      out[static_cast<std::size_t>(it - sentences.begin())].push_back(&m);
  }
  for (auto& list : out) {
    std::stable_sort(list.begin(), list.end(), [&](const Mention* a, const Mention* b) {
      return span_of(*a).begin < span_of(*b).begin;
    });
  }
  return out;
}

template <class Mention>
std::vector<std::vector<const Mention*>> by_sentence(const std::vector<Mention>& layer,
                                                     const std::vector<Sentence>& sentences) {
  return by_sentence(layer, sentences, [](const Mention& m) { return m.span; });
}

// When a sentence holds several event words, the one that says most about the kind wins: « tué
// par une bombe » is an explosion, « affronté … avant de tuer des civils » a clash.
int specificity_rank(const std::string& event_type) {
  static const char* const order[] = {
      "Explosions/Remote violence", "Violence against civilians", "Battles", "Riots", "Protests",
      "Strategic developments"};
  for (int k = 0; k < 6; ++k)
    if (event_type == order[k]) return k;
  return 6;
}

// "planning to launch protest rallies", "called for big rallies", « menacent d'une attaque »: an
// event noun a few words after a verb or noun of plan (lang/<code>/roles.tsv, plans), with no
// punctuation between, is what someone means to do, not what happened.
constexpr std::uint32_t kPlanReach = 5;  // words

bool object_of_a_plan(const Document& doc, const Sentence& sentence, std::uint32_t noun,
                      const RoleLexicon& roles) {
  const std::uint32_t first =
      noun >= sentence.first_token + kPlanReach ? noun - kPlanReach : sentence.first_token;
  for (std::uint32_t k = noun; k-- > first;) {
    const Token& w = doc.tokens[k];
    if (w.pos == Pos::PUNCT) return false;
    if (roles.plans(w.lemma)) return true;
  }
  return false;
}

// « Le gouvernement avait décrété un deuil après la mort de 69 villageois », "five soldiers had
// been killed in February": an event word in a pluperfect verb group, or a noun after one in its
// sentence, tells what came before the news, not the news.
// Reported speech shifts tenses back ("it was reported that the army had arrested"): inside what
// someone said, the pluperfect is the report's own news.
bool told_in_the_pluperfect(const Document& doc, const Sentence& sentence, std::uint32_t word) {
  const Span at = doc.tokens[word].span;
  if (std::any_of(
          doc.attributions.begin(), doc.attributions.end(), [&](const AttributionMention& a) {
            return a.claim.contains(at) || (sentence.span.contains(a.cue) && a.cue.end <= at.begin);
          }))
    return false;
  if (const VerbGroup* g = doc.verb_group_of(word)) return g->tense == Tense::Pluperfect;
  // The last verb group of the sentence before the noun (groups are in text order).
  const VerbGroup* governing = nullptr;
  for (auto g =
           std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), sentence.first_token,
                            [](const VerbGroup&v, std::uint32_t first) { return v.first < first; });
       g != doc.verb_groups.end() && g->last < word; ++g)
    governing = &*g;
  return governing && governing->tense == Tense::Pluperfect;
}

// ACLED's interaction code: the two actors' inter codes, the smaller first; one actor: its code
// times ten.
void set_interaction(EventRecord& e) {
  if (!e.actor1) return;
  const int a = e.actor1->inter, b = e.actor2 ? e.actor2->inter : 0;
  e.interaction = b ? std::min(a, b) * 10 + std::max(a, b) : a * 10;
}

// The record becomes of this kind: its type, sub-type and their PLOVER and CAMEO codes.
void set_kind(EventRecord& e, const EventKind& kind) {
  e.event_type = kind.event_type;
  e.sub_event_type = kind.sub_event_type;
  e.plover = kind.plover.empty() ? std::nullopt : std::optional<std::string>(kind.plover);
  e.cameo_root =
      kind.cameo_root.empty() ? std::nullopt : std::optional<std::string>(kind.cameo_root);
}

}  // namespace

EventBuilder::EventBuilder(const EventTaxonomy& taxonomy, const ActorKnowledgeBase& actors,
                           const Gazetteer* gazetteer, const RoleLexicon& roles,
                           const Relevance& relevance)
    : taxonomy_(taxonomy),
      actors_(actors),
      gazetteer_(gazetteer),
      roles_(roles),
      relevance_(relevance) {}

std::vector<EventRecord> EventBuilder::build(const Document& doc) const {
  std::vector<EventRecord> out;
  for (auto& c : build_explained(doc)) out.push_back(std::move(c.record));
  return out;
}

std::optional<LocationField> EventBuilder::borrowed_location(
    const Document& doc, const Span& sentence, std::vector<std::string>& reasons) const {
  const Span* paragraph = nullptr;
  for (const Span& p : doc.paragraphs) {
    if (p.contains(sentence)) paragraph = &p;
  }
  // "21 teachers were arrested in front of parliament and 6 others at the ministry in Rumbek": a
  // clause that names no place happened where the rest of its sentence did.
  const auto whole = std::find_if(doc.sentences.begin(), doc.sentences.end(),
                                  [&](const Sentence& s) { return s.span.contains(sentence); });
  if (whole != doc.sentences.end() && whole->span.end > sentence.end) {
    for (const PlaceMention& p : doc.places) {
      if (p.span.begin < sentence.end || (!p.place && !p.within) || p.holder) continue;
      if (p.span.begin >= whole->span.end) break;
      std::vector<std::string> why;
      if (auto f = location_field(doc, &p, gazetteer_, why)) {
        f->span.reset();  // the words are another clause's
        reasons.push_back("location: '" + f->text + "', the place of the rest of the sentence");
        return f;
      }
    }
  }
  const PlaceMention* before = nullptr;
  for (const PlaceMention& p : doc.places) {
    if (p.span.begin >= sentence.begin) break;
    if ((!p.place && !p.within) || p.holder || !paragraph || !paragraph->contains(p.span)) continue;
    before = &p;
  }
  if (before) {
    std::vector<std::string> why;
    auto f = location_field(doc, before, gazetteer_, why);
    if (f) {
      f->span.reset();  // the words are another sentence's
      reasons.push_back("location: '" + f->text + "', the place named before in the paragraph");
      return f;
    }
  }
  const std::string code = doc.main_country();
  const Country* country = gazetteer_ && !code.empty() ? gazetteer_->country(code) : nullptr;
  if (!country) return std::nullopt;
  LocationField f;
  f.name = country->name_en;
  f.country = country->code;
  f.lat = country->lat;
  f.lon = country->lon;
  f.precision = "country";
  f.geo_precision = 3;
  reasons.push_back("location: " + country->name_en + ", the country the text is about");
  return f;
}

// Actors described without a country ("Protesters", "Military Forces") take the country of a
// place the event borrowed, as they would have taken the sentence's own.
void EventBuilder::give_country(EventRecord& e) const {
  if (!gazetteer_ || !e.location || !e.location->country) return;
  const Country* country = gazetteer_->country(*e.location->country);
  if (!country) return;
  auto fix = [&](ActorField& a) {
    if (a.country && !a.country->empty()) return;
    for (auto kind :
         {ActorKind::Military, ActorKind::Police, ActorKind::Government, ActorKind::Civilians,
          ActorKind::Unidentified, ActorKind::Islamist, ActorKind::Protesters, ActorKind::Rioters,
          ActorKind::Communal, ActorKind::Gang, ActorKind::Ethnic, ActorKind::Clan,
          ActorKind::Tribal, ActorKind::Cult, ActorKind::PrivateSecurity}) {
      if (actors_.generic(kind, nullptr).name != a.name) continue;
      const Actor named = actors_.generic(kind, country);
      a.name = named.name;
      a.country = named.country;
      return;
    }
  };
  for (auto* slot : {&e.actor1, &e.actor2}) {
    if (*slot) fix(**slot);
  }
  for (auto* list : {&e.assoc_actor1, &e.assoc_actor2}) {
    for (auto& a : *list) fix(a);
  }
}

// A brief tells one demonstration: what the police or the crowd did in any of its sentences
// ("Police dispersed them", "protesters threw stones") is its kind, the gravest told.
void EventBuilder::escalate_protest(std::vector<EventCandidate>& found) const {
  auto severity = [](const std::string& sub_type) {
    static const char* const order[] = {"Peaceful protest", "Protest with intervention",
                                        "Violent demonstration",
                                        "Excessive force against protesters"};
    for (int k = 0; k < 4; ++k)
      if (sub_type == order[k]) return k;
    return -1;
  };
  int gravest = -1;
  std::string gravest_type;
  for (const auto& c : found) {
    // Arrests told in a brief about a demonstration are the police stepping in.
    const bool arrest = c.record.sub_event_type == "Arrests";
    const std::string type = arrest ? "Protest with intervention" : c.record.sub_event_type;
    if (const int s = severity(type); s > gravest) {
      gravest = s;
      gravest_type = type;
    }
  }
  const EventKind* kind = gravest > 0 ? taxonomy_.find(gravest_type) : nullptr;
  if (!kind) return;
  for (auto& c : found) {
    const int s = severity(c.record.sub_event_type);
    if (s < 0 || s == gravest) continue;
    EventRecord& e = c.record;
    const bool crowd_was_violent = kind->event_type == "Riots";
    set_kind(e, *kind);
    if (crowd_was_violent && e.actor1 && e.actor1->type == "protesters" && gazetteer_) {
      const std::string code = e.actor1->country.value_or("");
      const Actor rioters =
          actors_.generic(ActorKind::Rioters, code.empty() ? nullptr : gazetteer_->country(code));
      e.actor1->name = rioters.name;
      e.actor1->type = rioters.type;
      e.actor1->inter = rioters.inter;
    }
    c.reasons.push_back("type: " + kind->sub_event_type +
                        ", the gravest form of the demonstration the brief tells");
  }
}

bool EventBuilder::strikes_civilians(const Document& doc, const Sentence& sentence,
                                     const TriggerMention& trigger) const {
  const VerbGroup* group = doc.verb_group_of(trigger.head);
  if (!group || group->voice != Voice::Active) return false;
  const std::uint32_t end = sentence.first_token + sentence.token_count;
  for (std::uint32_t k = group->last + 1; k < end && k <= group->last + 5; ++k) {
    const Token& t = doc.tokens[k];
    if (t.pos == Pos::DET || t.pos == Pos::ADJ || t.pos == Pos::NUM || t.pos == Pos::ADP ||
        t.kind == TokenKind::Number)
      continue;
    return roles_.civilian_target(t.lemma) || roles_.civilian_target(t.fold);
  }
  return false;
}

std::vector<EventCandidate> EventBuilder::build_explained(
    const Document& doc, std::vector<LeftOutCandidate>* left_out) const {
  auto found = candidates(doc, left_out);
  if (is_brief(doc)) escalate_protest(found);
  auto events = merge_incidents(std::move(found), doc.meta.id, left_out);
  // A sentence that names no place happened where the text last placed things in the same
  // paragraph, else in the document's country. Done after merging, so that a borrowed place ties
  // no mentions together.
  for (auto& c : events) {
    if (c.record.location) continue;
    c.record.location = borrowed_location(doc, c.sentences.front(), c.reasons);
    if (c.record.location) give_country(c.record);
  }
  // Violence whose author the text does not name ("a bomb exploded", "the police station was
  // attacked and burned") is, in ACLED's coding, an unidentified armed group's. Done after
  // merging and placing, so that this default ties no mentions together and takes the event's
  // country.
  for (auto& c : events) {
    crowd_violence(doc, c);
    name_unnamed_author(doc, c);
    one_sided_clash(doc, c);
    owner_of_looted_goods(doc, c);
  }
  // ACLED's "(as reported)": an event of a brief that gives no day of its own happened when it
  // was reported. Done after merging, so that this day ties no mentions together.
  if (is_brief(doc) && doc.meta.published && calendar::parse_iso(*doc.meta.published)) {
    for (auto& c : events) {
      DateField& d = *c.record.date;
      if (d.start) continue;
      // Another account of an incident told before happened when that one did.
      auto told = std::find_if(events.begin(), events.end(), [&](const EventCandidate& o) {
        return o.record.event_id == c.record.incident_id && o.record.date->start;
      });
      if (told != events.end() && &*told != &c) {
        d = *told->record.date;
        c.reasons.push_back("date: that of the incident it tells again (" + *d.start + ")");
        continue;
      }
      d.start = d.end = *doc.meta.published;
      d.type = "approximate";
      d.time_precision = 1;
      c.reasons.push_back("date: the report's own (" + *doc.meta.published +
                          "), as a brief that names no day of its own");
    }
  }
  return events;
}

// "Gunmen seized a truck belonging to a trader", « ont incendié des greniers »: goods taken or
// destroyed when the text names no armed side they belonged to are civilians', as ACLED codes
// them. Done after merging, so that this default ties no mentions together and weighs nothing in
// the choice of the event's kind.
void EventBuilder::owner_of_looted_goods(const Document& doc, EventCandidate& c) const {
  EventRecord& e = c.record;
  if (e.actor2 || e.sub_event_type != "Looting/property destruction") return;
  e.actor2 =
      actor_field(actors_.generic(ActorKind::Civilians, event_country(e, doc.main_country())));
  c.reasons.push_back("actor2: " + e.actor2->name + ", whose goods were taken or destroyed");
}

// The country whose actors the record's unnamed sides are: its place's, else `fallback` (the
// document's).
const Country* EventBuilder::event_country(const EventRecord& e,
                                           const std::string& fallback) const {
  const std::string& code = e.location && e.location->country ? *e.location->country : fallback;
  return gazetteer_ && !code.empty() ? gazetteer_->country(code) : nullptr;
}

// Air strikes and shelling are left without an author, as states' forces are their usual ones.
void EventBuilder::name_unnamed_author(const Document& doc, EventCandidate& c) const {
  EventRecord& e = c.record;
  if (e.actor1) return;
  const bool armed =
      e.event_type == "Battles" || e.event_type == "Violence against civilians" ||
      (e.event_type == "Explosions/Remote violence" && e.sub_event_type != "Air/drone strike" &&
       e.sub_event_type != "Shelling/artillery/missile attack") ||
      e.sub_event_type == "Looting/property destruction";
  if (!armed) return;
  if (const Token* crowd = unarmed_doer(doc, c)) {
    const Country* country = event_country(e, doc.main_country());
    e.actor1 = actor_field(actors_.generic(ActorKind::Rioters, country));
    // A crowd's violence at a demonstration is a violent demonstration, else mob violence.
    const bool protest = std::any_of(doc.triggers.begin(), doc.triggers.end(), [&](const auto& t) {
      const EventKind* k = taxonomy_.find(t.sub_event_type);
      return k && k->event_type == "Protests" && c.sentences.front().contains(t.span);
    });
    if (const EventKind* riot = taxonomy_.find(protest ? "Violent demonstration" : "Mob violence"))
      set_kind(e, *riot);
    set_interaction(e);
    c.reasons.push_back("actor1: " + e.actor1->name + ", people with no arms who did it (\"" +
                        std::string(doc.token_text(*crowd)) + "\")");
    return;
  }
  if (const ActorMention* suspect = suspect_named_nearby(doc, c)) {
    e.actor1 = actor_field(doc, *suspect);
    e.actor1->span.reset();  // the words are another sentence's
    set_interaction(e);
    c.reasons.push_back("actor1: " + e.actor1->name +
                        ", the one armed group the paragraph names (\"" +
                        std::string(doc.slice(suspect->span)) + "\")");
    return;
  }
  const Country* country = event_country(e, doc.main_country());
  e.actor1 = actor_field(actors_.generic(ActorKind::Unidentified, country));
  set_interaction(e);
  c.reasons.push_back("actor1: " + e.actor1->name + ", as no one is named for the violence");
}

// "Merchants of the market captured and beat up a robber", "a military base was attacked by a
// group of hooded students": violence by people with no arms (`unarmed_doer` in
// lang/*/roles.tsv), named as the subject of the event verb or its agent, and no actor named.
const Token* EventBuilder::unarmed_doer(const Document& doc, const EventCandidate& c) const {
  if (c.sentence >= doc.sentences.size()) return nullptr;
  const Sentence& s = doc.sentences[c.sentence];
  const std::uint32_t end = s.first_token + s.token_count;
  std::uint32_t at = s.first_token;
  while (at < end && doc.tokens[at].span.begin < c.trigger.begin) ++at;
  // A verb of fighting or attacking; not explosives, abductions, nor an event noun ("an IED",
  // "the deadly attack": after a determiner, an adjective or a number).
  const std::string& kind = c.record.sub_event_type;
  if (at == end ||
      (kind != "Armed clash" && kind != "Attack" && kind != "Looting/property destruction"))
    return nullptr;
  if (at > s.first_token) {
    const Pos before = doc.tokens[at - 1].pos;
    if (before == Pos::DET || before == Pos::ADJ || before == Pos::NUM) return nullptr;
  }
  // The head of its words ("students", not "student" of "student union"), with no arms near.
  auto doer = [&](std::uint32_t k) {
    const Token& t = doc.tokens[k];
    if (t.pos != Pos::NOUN || !roles_.unarmed_doer(t.lemma)) return false;
    if (k + 1 < end && (doc.tokens[k + 1].pos == Pos::NOUN || doc.tokens[k + 1].pos == Pos::ADJ ||
                        doc.tokens[k + 1].pos == Pos::PROPN))
      return false;
    const std::uint32_t from = k >= s.first_token + 2 ? k - 2 : s.first_token;
    for (std::uint32_t j = from; j < std::max(k, at) + 1 && j < end; ++j) {
      if (roles_.armed_word(doc.tokens[j].fold)) return false;
    }
    return true;
  };
  const bool passive = (at > s.first_token && doc.tokens[at - 1].pos == Pos::AUX) ||
                       (at > s.first_token + 1 && doc.tokens[at - 2].pos == Pos::AUX);
  if (!passive) {
    // The subject: the nearest such noun before the verb, within its clause; a coordinated verb
    // shares its subject ("caught a thief and beat him").
    for (std::uint32_t k = at; k-- > s.first_token;) {
      if (roles_.breaks_clause(doc.tokens[k].fold) && k + 1 != at) break;
      if (doer(k)) return &doc.tokens[k];
    }
    return nullptr;
  }
  // The agent: "by" and, within a few words, such a noun ("by a group of hooded students").
  for (std::uint32_t k = at + 1; k < end && k < at + 5; ++k) {
    if (roles_.cue_before(doc, k, at + 1) != RoleCue::Agent) continue;
    for (std::uint32_t j = k; j < end && j < k + 6; ++j) {
      if (doer(j)) return &doc.tokens[j];
    }
    break;
  }
  return nullptr;
}

// "A convoy struck an IED near Sakoani. The device was likely planted by JNIM militants.", "…
// (Al Shabaab assumed responsible)": violence told without its author, in a paragraph that names
// one armed group and no other, is that group's. Named groups only (not "gunmen", "jihadists"),
// and not the record's target.
const ActorMention* EventBuilder::suspect_named_nearby(const Document& doc,
                                                       const EventCandidate& c) const {
  if (c.sentences.empty()) return nullptr;
  const Span* paragraph = nullptr;
  for (const Span& p : doc.paragraphs) {
    if (p.contains(c.sentences.front())) paragraph = &p;
  }
  if (!paragraph) return nullptr;
  const ActorMention* found = nullptr;
  for (const ActorMention& a : doc.actors) {
    if (!paragraph->contains(a.span)) continue;
    const bool armed_group =
        a.type == "rebel_group" || a.type == "political_militia" || a.type == "identity_militia";
    const bool named = a.rule.rfind("description", 0) != 0 && a.rule.rfind("refers back", 0) != 0;
    if (!armed_group || !named) continue;
    if (c.record.actor2 && c.record.actor2->name == a.name) continue;
    if (found && found->name != a.name) return nullptr;  // two groups: the text does not say
    found = &a;
  }
  return found;
}

// Unarmed people who turn violent ("a mob killed two suspected thieves", "residents captured a
// robber and whipped him") are rioters, and their violence is mob violence (a demonstration's
// crowd: a violent demonstration), not a battle or an attack by an armed group.
void EventBuilder::crowd_violence(const Document& doc, EventCandidate& c) const {
  EventRecord& e = c.record;
  if (!e.actor1) return;
  // "demonstrators vandalized the offices", "protesters clashed with police": a riot by people
  // described as demonstrators is a violent demonstration, and ACLED names them rioters.
  if (e.event_type == "Riots" && e.actor1->type == "protesters" &&
      e.actor1->name.rfind("Protesters", 0) == 0) {
    if (const EventKind* violent = taxonomy_.find("Violent demonstration")) {
      set_kind(e, *violent);
      const Country* country = event_country(e, doc.main_country());
      e.actor1 = actor_field(actors_.generic(ActorKind::Rioters, country));
      c.reasons.push_back(
          "type: Violent demonstration, demonstrators who turned violent; actor1: " +
          e.actor1->name);
      set_interaction(e);
    }
    return;
  }
  if (e.event_type != "Battles" && e.event_type != "Violence against civilians") return;
  const std::string& who = e.actor1->type;
  if (who != "civilians" && who != "rioters" && who != "protesters") return;
  const EventKind* riot =
      taxonomy_.find(who == "protesters" ? "Violent demonstration" : "Mob violence");
  if (!riot) return;
  set_kind(e, *riot);
  c.reasons.push_back("type: " + riot->sub_event_type + ", the violence of " + e.actor1->name);
  if (who != "rioters") {
    const Country* country = event_country(e, doc.main_country());
    e.actor1 = actor_field(actors_.generic(ActorKind::Rioters, country));
    c.reasons.push_back("actor1: " + e.actor1->name + ", unarmed people who turned violent");
  }
  set_interaction(e);
}

// An armed clash is armed, organised groups fighting each other. Violence by a militia or an
// unidentified group against no armed side that the text names ("gunmen attacked a farm",
// "raiders shot at cattle traders") is an attack on civilians. Rebels and state forces are left
// as they are: their unnamed other side is usually an armed one.
void EventBuilder::one_sided_clash(const Document& doc, EventCandidate& c) const {
  EventRecord& e = c.record;
  if (e.sub_event_type != "Armed clash" || e.actor2 || c.mutual) return;
  if (!e.actor1 || (e.actor1->type != "political_militia" && e.actor1->type != "identity_militia"))
    return;
  const EventKind* attack = taxonomy_.find("Attack");
  if (!attack) return;
  set_kind(e, *attack);
  c.reasons.push_back("type: Attack, as no armed side is named against " + e.actor1->name);
  const Country* country = event_country(e, doc.main_country());
  e.actor2 = actor_field(actors_.generic(ActorKind::Civilians, country));
  set_interaction(e);
  c.reasons.push_back("actor2: " + e.actor2->name + ", civilians are the target by definition");
}

// A side of a fight between communities: villagers, farmers or herders are, for ACLED, their
// community's militia ("Unidentified Communal Militia (Benin)"), or their people's where the text
// names it ("Fulani herders": "Fulani Ethnic Militia (Nigeria)").
ActorField EventBuilder::communal_side(const ActorField& people, const Country* country) const {
  ActorField f = actor_field(actors_.generic(ActorKind::Communal, country));
  const std::string words = fold(people.text);
  for (std::size_t at = 0; at < words.size();) {
    const std::size_t end = std::min(words.find(' ', at), words.size());
    if (auto group = actors_.ethnic_group(words.substr(at, end - at))) {
      f.name =
          *group + " Ethnic Militia" + (country ? " (" + actors_.country_name(*country) + ")" : "");
      break;
    }
    at = end + 1;
  }
  f.text = people.text;
  f.span = people.span;
  return f;
}

// In a clash, unarmed people named on a side fight: they become communal militias, and so does
// a side left unnamed against them ("clashes between farmers and herders" where one is missed).
void EventBuilder::communal_clash(const std::string& main_country, EventCandidate& c) const {
  EventRecord& e = c.record;
  // Residents who clash with the police are a riot's crowd, not a community's militia.
  const auto state = [](const std::optional<ActorField>& f) {
    return f && f->type == "state_forces";
  };
  if (state(e.actor1) || state(e.actor2)) return;
  const Country* country = event_country(e, main_country);
  bool communal = false;
  for (auto* side : {&e.actor1, &e.actor2}) {
    if (!*side || (*side)->type != "civilians") continue;
    *side = communal_side(**side, country);
    communal = true;
    c.reasons.push_back("actor: " + (*side)->name + ", people who fight each other");
  }
  if (!communal) return;
  for (auto* side : {&e.actor1, &e.actor2}) {
    if (*side) continue;
    *side = actor_field(actors_.generic(ActorKind::Communal, country));
    c.reasons.push_back("actor: " + (*side)->name + ", the other side of a communal clash");
  }
}

// ACLED's conventions for who stands where when the text leaves a side unnamed: protesters and
// rioters are actor1 of their events; violence against civilians has civilians as actor2; people
// counted among the dead or wounded are the side that was hit.
void EventBuilder::fill_default_actors(const EventKind& kind, const std::string& main_country,
                                       const std::vector<const CountMention*>& counts,
                                       const std::vector<ActorMention>& doc_actors, EventRecord& e,
                                       std::vector<std::string>& reasons) const {
  const Country* country = event_country(e, main_country);
  auto generic = [&](ActorKind k) { return actor_field(actors_.generic(k, country)); };
  auto crowd = [](const std::optional<ActorField>& f) {
    return f && (f->type == "protesters" || f->type == "rioters");
  };
  if (kind.event_type == "Protests" || kind.event_type == "Riots") {
    if (crowd(e.actor2) && !crowd(e.actor1)) {
      std::swap(e.actor1, e.actor2);
      std::swap(e.assoc_actor1, e.assoc_actor2);
      reasons.push_back("actors: the crowd is actor1 of its own event");
    }
    if (!crowd(e.actor1)) {
      // (Guards or villagers who gather are the crowd itself: "private security guards gathered
      // in Livingstone to demand answers"; they are no one's target.)
      if (e.actor1 && !e.actor2 && e.actor1->type != "external_other" &&
          e.actor1->type != "civilians") {
        e.actor2 = e.actor1;
        e.assoc_actor2 = e.assoc_actor1;
        e.assoc_actor1.clear();
      }
      e.actor1 = generic(kind.event_type == "Riots" ? ActorKind::Rioters : ActorKind::Protesters);
      reasons.push_back("actor1: " + e.actor1->name + ", the crowd the event word names");
    }
    // Only a mob's victims are the other side; the dead of a protest may be its cause (« après
    // la mort d'un étudiant ») or its own.
    if (kind.sub_event_type != "Mob violence") return;
  }
  if (e.actor2) return;
  if (kind.event_type == "Violence against civilians") {
    e.actor2 = generic(ActorKind::Civilians);
    reasons.push_back("actor2: " + e.actor2->name + ", civilians are the target by definition");
    return;
  }
  for (const CountMention* n : counts) {
    if (n->what != "killed" && n->what != "wounded" && n->what != "abducted") continue;
    if (n->who == "peacekeepers") {
      // « deux casques bleus tchadiens ont été tués »: the mission the document names.
      for (const auto& a : doc_actors) {
        const Actor* known = actors_.find(a.name);
        if (!known || !known->peacekeeping) continue;
        e.actor2 = actor_field(*known);
        reasons.push_back("actor2: " + a.name + ", the mission of the peacekeepers counted");
        return;
      }
      continue;
    }
    std::optional<ActorKind> side;
    if (n->who == "soldiers") side = ActorKind::Military;
    if (n->who == "police") side = ActorKind::Police;
    if (side_of(n->who) == Side::Unarmed || n->who == "people") side = ActorKind::Civilians;
    if (!side) continue;
    e.actor2 = generic(*side);
    reasons.push_back("actor2: " + e.actor2->name + ", the " + n->who + " counted as " + n->what);
    return;
  }
}

std::vector<EventCandidate> EventBuilder::candidates(
    const Document& doc, std::vector<LeftOutCandidate>* left_out) const {
  std::vector<EventCandidate> found;
  auto leave_out = [&](std::size_t sentence, const TriggerMention& t, std::string why) {
    if (left_out)
      left_out->push_back({sentence, t.span, std::string(doc.slice(t.span)), std::move(why)});
  };
  const auto published = doc.meta.published ? calendar::parse_iso(*doc.meta.published)
                                            : std::optional<calendar::Day>();
  const auto triggers_in = by_sentence(doc.triggers, doc.sentences);
  auto dates_in = by_sentence(doc.dates, doc.sentences);
  auto places_in = by_sentence(doc.places, doc.sentences);
  const auto actors_in = by_sentence(doc.actors, doc.sentences);
  const auto counts_in = by_sentence(doc.counts, doc.sentences);
  const auto said_in = by_sentence(doc.attributions, doc.sentences,
                                   [](const AttributionMention& a) { return a.cue; });
  // Datelines name where the story was filed: their places and dates are no event's.
  const std::vector<Span> filed = datelines(doc, actors_);
  auto in_dateline = [&](const auto* m) {
    return std::any_of(filed.begin(), filed.end(),
                       [&](const Span& d) { return d.contains(m->span); });
  };
  if (!filed.empty()) {
    for (auto& list : places_in) std::erase_if(list, in_dateline);
    for (auto& list : dates_in) std::erase_if(list, in_dateline);
  }
  // The headline: a first paragraph of one sentence with no closing stop, above the article.
  std::size_t headline = SIZE_MAX;
  if (doc.paragraphs.size() > 1 && !doc.sentences.empty() &&
      doc.paragraphs[0].contains(doc.sentences[0].span) &&
      (doc.sentences.size() == 1 || !doc.paragraphs[0].contains(doc.sentences[1].span))) {
    const std::string_view last = doc.slice(doc.sentences[0].span);
    const char end = last.empty() ? '.' : last.back();
    if (end != '.' && end != '!' && end != '?') headline = 0;
  }
  const std::string main_country = doc.main_country();
  const bool brief = is_brief(doc);
  // The units events are built from: sentences, split where a coordinator opens a second clause
  // with its own event verb and its own place or day.
  struct Unit {
    Sentence part;
    std::size_t sentence;
  };
  std::vector<Unit> units;
  for (std::size_t index = 0; index < doc.sentences.size(); ++index) {
    for (const Sentence& part : clauses(doc, doc.sentences[index], triggers_in[index],
                                        dates_in[index], places_in[index], roles_))
      units.push_back({part, index});
  }
  auto within = [&](const auto& lists, const Unit& u) {
    auto list = lists[u.sentence];
    if (u.part.span.begin == doc.sentences[u.sentence].span.begin &&
        u.part.span.end == doc.sentences[u.sentence].span.end)
      return list;
    std::erase_if(list, [&](const auto* m) { return !u.part.span.contains(m->span); });
    return list;
  };
  for (const Unit& unit : units) {
    const Sentence& sentence = unit.part;
    const std::size_t index = unit.sentence;
    const auto triggers_here = within(triggers_in, unit);
    const auto dates_here = within(dates_in, unit);
    const auto places_here = within(places_in, unit);
    const auto actors_here = within(actors_in, unit);
    const auto counts_here = within(counts_in, unit);

    // The event word: a fresh mention before one that refers back (« cette capture »), then the
    // most specific kind, then the first.
    const TriggerMention* trigger = nullptr;
    const EventKind* kind = nullptr;
    bool repeat = false, word_before_trigger_refers_back = false, another = false;
    bool counted = false;  // "Three explosions occurred": a sum of events told after, or one
    // "The army said it repelled the attack": a deed done to an event told before tells it again.
    bool names_a_told_event = false;
    int best = 1000;
    std::vector<std::pair<const TriggerMention*, std::string>> not_facts;
    // A word that says only that people were killed gives way to one that says how (« tué par
    // une bombe »), or to an arrest, not to another strategic development beside it ("killed
    // three militants and seized motorcycles" is a fight, not a seizure).
    const bool says_how = std::any_of(triggers_here.begin(), triggers_here.end(), [&](auto* t) {
      const EventKind* k = taxonomy_.find(t->sub_event_type);
      return !t->generic && k &&
             (k->event_type != "Strategic developments" || k->sub_event_type == "Arrests");
    });
    for (const TriggerMention* t : triggers_here) {
      if (!reports_a_fact(doc, *t, roles_)) {
        not_facts.emplace_back(t, "not a fact: negated, announced, or an aim (infinitive)");
        continue;
      }
      const EventKind* k = taxonomy_.find(t->sub_event_type);
      if (!k) continue;
      const bool noun = doc.verb_group_of(t->head) == nullptr;
      auto word_before = [&](std::uint32_t n) -> const Token* {
        return t->head >= sentence.first_token + n ? &doc.tokens[t->head - n] : nullptr;
      };
      // « aucune attaque n'a visé la ville », "no attack was reported": denied by its determiner.
      bool denied = false;
      for (std::uint32_t n = 1; n <= 2 && noun; ++n) {
        const Token* w = word_before(n);
        denied = denied || (w && roles_.negative(w->fold));
      }
      if (denied) {
        not_facts.emplace_back(t, "denied by its determiner (« aucune », \"no\")");
        continue;
      }
      bool unrealized = false;
      for (std::uint32_t n = 1; n <= 2 && noun; ++n) {
        const Token* w = word_before(n);
        unrealized = unrealized || (w && roles_.unrealized(w->fold));
      }
      if (!unrealized && noun && t->head + 1 < sentence.first_token + sentence.token_count)
        unrealized = roles_.unrealized(doc.tokens[t->head + 1].fold);  // « manifestation prévue »
      // A noun, or a word the analyser put in another verb's group ("launch street protest
      // rallies"), not a verb of its own.
      const VerbGroup* group = doc.verb_group_of(t->head);
      if (!unrealized && (!group || group->head != t->head))
        unrealized = object_of_a_plan(doc, sentence, t->head, roles_);
      if (unrealized) {
        not_facts.emplace_back(t, "not yet: planned, upcoming or possible");
        continue;
      }
      if (relevance_.recalls_history(doc, sentence, t->head)) {
        not_facts.emplace_back(t, "history recalled from years before, not news of an event");
        continue;
      }
      if (told_in_the_pluperfect(doc, sentence, t->head)) {
        not_facts.emplace_back(t, "background: told in the pluperfect, before the news");
        continue;
      }
      if (t->cued && !relevance_.protest_cue(doc, sentence)) {
        not_facts.emplace_back(t, "a gathering with nothing said against or for what");
        continue;
      }
      const bool refers_back = word_before(1) && roles_.refers_back(word_before(1)->fold);
      names_a_told_event = names_a_told_event || (refers_back && noun);
      // « Deux attaques distinctes ont fait 15 morts »: several events summed up, each told on
      // its own after; the sum is no event of its own.
      // Only as the subject: « ont effectué deux lancements » tells one operation.
      const auto first_group =
          std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), sentence.first_token,
                           [](const VerbGroup& g, std::uint32_t at) { return g.first < at; });
      const bool subject = first_group == doc.verb_groups.end() || first_group->last >= t->head;
      const bool summary =
          noun && subject && word_before(1) &&
          (word_before(1)->kind == TokenKind::Number || word_before(1)->pos == Pos::NUM);
      // Then a verb before a noun: the verb's clause carries the doer and the target.
      const int rank = (refers_back || summary ? 50 : 0) + (t->toll ? 100 : 0) +
                       (t->generic && says_how ? 20 : 0) + 2 * specificity_rank(k->event_type) +
                       (noun ? 1 : 0);
      if (rank < best) {
        best = rank;
        trigger = t;
        kind = k;
        repeat = refers_back || summary || t->toll;
        counted = summary;
        word_before_trigger_refers_back = refers_back;
        another = word_before(1) && roles_.another(word_before(1)->fold);
      }
    }
    if (!trigger) {
      for (const auto& [t, why] : not_facts) leave_out(index, *t, why);
      continue;
    }

    EventCandidate c;
    EventRecord& e = c.record;
    c.sentence = index;
    c.trigger = trigger->span;
    c.trigger_text = std::string(doc.slice(trigger->span));
    c.trigger_rule = trigger->rule;
    c.repeat = repeat;
    c.toll = trigger->toll;
    c.summary = counted;
    c.refers_back =
        (repeat && word_before_trigger_refers_back) ||
        (names_a_told_event && doc.verb_group_of(trigger->head) != nullptr && index > 0) ||
        roles_.tells_again(doc, sentence.first_token, sentence.first_token + sentence.token_count);
    c.repeat = c.repeat || c.refers_back;
    c.another = another;
    c.generic = trigger->generic;
    c.headline = index == headline;
    e.doc = {doc.meta.id, doc.meta.source, doc.meta.url, doc.meta.published, doc.language.code};

    const AttributionMention* said = who_said(said_in[index], trigger->span);

    const DateMention* date = event_date(dates_here, said);
    e.date = date_field(doc, date, c.reasons);

    if (date && published && date->end) {
      if (auto end = calendar::parse_iso(*date->end); end && *end < *published - kBackgroundAge) {
        leave_out(index, *trigger,
                  "background: dated " + *date->end + ", over a year before publication");
        continue;  // background history, not news
      }
    }

    e.location = location_field(doc, event_place(doc, places_here, said, actors_here), gazetteer_,
                                c.reasons);

    // Actors, from the clause.
    const ClauseContext context{doc,         sentence,   *trigger, said, said_in[index],
                                actors_here, counts_here};
    const Roles roles = assign_roles(context, roles_, actors_);
    for (const auto& r : roles.reasons) c.reasons.push_back("actor " + r);
    auto add_side = [&](const std::vector<const ActorMention*>& main,
                        const std::vector<const ActorMention*>& with,
                        std::optional<ActorField>& slot, std::vector<ActorField>& assoc) {
      auto taken = [&](const std::string& name) {
        return (e.actor1 && e.actor1->name == name) || (e.actor2 && e.actor2->name == name) ||
               std::any_of(assoc.begin(), assoc.end(),
                           [&](const ActorField& f) { return f.name == name; });
      };
      for (const auto* list : {&main, &with}) {
        for (const ActorMention* a : *list) {
          if (taken(a->name)) continue;
          if (!slot) {
            slot = actor_field(doc, *a);
          } else {
            assoc.push_back(actor_field(doc, *a));
          }
        }
      }
    };
    // "Forty people died in the fighting": the subject of a verb of dying is the dead, a side
    // that suffered, not one that acted.
    const bool subject_died = trigger->toll && doc.verb_group_of(trigger->head) != nullptr;
    if (subject_died) {
      add_side(roles.agents, roles.with_agents, e.actor2, e.assoc_actor2);
    } else {
      add_side(roles.agents, roles.with_agents, e.actor1, e.assoc_actor1);
    }
    add_side(roles.targets, roles.with_targets, e.actor2, e.assoc_actor2);
    // "a Russian missile strike", « une frappe aérienne française »: the nationality on the event
    // noun names the forces that struck.
    if (!e.actor1 && gazetteer_ && !doc.verb_group_of(trigger->head)) {
      const std::uint32_t first = token_at(doc, trigger->span.begin);
      const std::uint32_t last = token_at(doc, trigger->span.end - 1);
      const std::uint32_t end = sentence.first_token + sentence.token_count;
      for (std::uint32_t k : {first - 1, first - 2, last + 1, last + 2}) {
        if (k < sentence.first_token || k >= end || doc.tokens[k].kind != TokenKind::Word) continue;
        if (std::any_of(actors_here.begin(), actors_here.end(), [&](const ActorMention* a) {
              return a->span.contains(doc.tokens[k].span);
            }))
          continue;  // "Russian forces" is an actor already
        const auto code = gazetteer_->country_of_demonym(doc.tokens[k].fold);
        const Country* country = code ? gazetteer_->country(*code) : nullptr;
        if (!country) continue;
        ActorField f = actor_field(actors_.generic(ActorKind::Military, country));
        f.text = std::string(doc.token_text(doc.tokens[k]));
        f.span = code_points(doc, doc.tokens[k].span);
        e.actor1 = f;
        c.reasons.push_back("actor1: " + f.name + ", the nationality of the event noun");
        break;
      }
    }

    // "Farmers and herders clashed", « des affrontements entre villageois »: people who fight
    // each other are sides of a clash, whoever died, and communities' militias for ACLED.
    c.mutual =
        kind->sub_event_type == "Armed clash" && roles_.reciprocal(doc.tokens[trigger->head].lemma);
    if (c.mutual) communal_clash(main_country, c);

    bool civilians_killed = false, people_killed = false, others_killed = false;
    e.fatalities = toll(doc, counts_here, c.killed, c.reasons);
    c.more_dead = e.fatalities &&
                  std::all_of(counts_here.begin(), counts_here.end(), [](const CountMention* n) {
                    return n->what != "killed" || n->others;
                  });
    for (const std::string& who : c.killed)
      (who == "civilians" ? civilians_killed
       : who == "people"  ? people_killed
                          : others_killed) = true;

    // The kind, revised by the arguments (ACLED's definitions).
    auto revise = [&](const char* sub_type, const std::string& why) {
      if (const EventKind* k = taxonomy_.find(sub_type); k && k != kind) {
        kind = k;
        c.reasons.push_back(std::string("type: ") + sub_type + ", " + why);
      }
    };
    const bool armed_target = e.actor2 && e.actor2->type != "civilians" &&
                              e.actor2->type != "protesters" && e.actor2->type != "rioters";
    // "attacked three homes", « ont attaqué le marché »: what the deed struck is a civilian place
    // or people (civilian_target in roles.tsv), and no armed side is named as its target.
    const bool civilian_place = !armed_target && strikes_civilians(doc, sentence, *trigger);
    const bool civilians_hit = (e.actor2 && e.actor2->type == "civilians") || civilian_place;
    // People counted without a side ("two persons", "the son of the chairman") are the unarmed
    // victims of an attack, unless an armed side is the target.
    // In a clash the dead are its sides' unless the text says civilians ("clashed with the
    // mujahideen before killing hundreds of civilians").
    if (kind->event_type == "Battles" &&
        ((civilians_hit && !c.mutual) || (civilians_killed && !others_killed) ||
         (people_killed && !civilians_killed && !others_killed && !armed_target && !c.mutual)))
      revise("Attack", "civilians were its victims");
    if (kind->event_type == "Violence against civilians" && e.actor2 &&
        e.actor2->type != "civilians") {
      // Civilians are actor2 in violence against civilians; armed men beside them are not.
      auto civ = std::find_if(e.assoc_actor2.begin(), e.assoc_actor2.end(),
                              [](const ActorField& f) { return f.type == "civilians"; });
      if (civ != e.assoc_actor2.end()) {
        e.actor2 = *civ;
        e.assoc_actor2.clear();
      }
    }
    if ((kind->event_type == "Battles" || kind->event_type == "Violence against civilians") &&
        e.actor2 && e.actor2->type == "protesters" &&
        (!e.actor1 || e.actor1->type == "state_forces"))
      revise("Excessive force against protesters", "force used against protesters");
    // "bombed", "a bombing": planted by an armed group, dropped from the air by a state's forces
    // ("the Sudanese army bombed Khartoum").
    if (kind->sub_event_type == "Remote explosive/landmine/IED" && e.actor1 &&
        e.actor1->type == "state_forces" &&
        (trigger->rule == "lemma:bomb" || trigger->rule == "lemma:bombing" ||
         trigger->rule == "form:bombing"))
      revise("Air/drone strike", "a state's forces bomb from the air");
    // A protest where people were killed met lethal force (« ont tiré sur les manifestants,
    // tuant neuf personnes »).
    if (kind->event_type == "Protests" && (civilians_killed || people_killed || others_killed))
      revise("Excessive force against protesters", "people were killed");
    if (kind->sub_event_type == "Non-state actor overtakes territory" ||
        kind->sub_event_type == "Government regains territory") {
      // « s'emparer d'armes » takes goods, not ground: what follows the verb tells.
      bool ground = trigger->rule.rfind("lemma:", 0) != 0 && trigger->rule.rfind("form:", 0) != 0;
      const std::uint32_t end = sentence.first_token + sentence.token_count;
      for (std::uint32_t k = trigger->head + 1; k < end && !ground; ++k) {
        const Token& t = doc.tokens[k];
        if (t.pos == Pos::ADP || t.pos == Pos::DET || t.elided) continue;
        ground = roles_.territory(t.fold) ||
                 std::any_of(places_here.begin(), places_here.end(),
                             [&](const PlaceMention* p) { return p->span.begin == t.span.begin; });
        break;
      }
      if (!ground && !roles_.seizes_goods(doc.tokens[trigger->head].lemma)) {
        leave_out(index, *trigger, "no ground taken and no goods seized");
        continue;  // « reprendre les combats »
      } else if (!ground) {
        revise("Looting/property destruction", "what was seized is not ground");
      } else if (e.actor1 && e.actor1->type == "state_forces") {
        revise("Government regains territory", "taken by state forces");
      }
    }
    // A government fights through its army: « Le Mali affirme avoir neutralisé… ».
    if (is_violent(kind->event_type) && e.actor1 &&
        e.actor1->name.rfind("Government of ", 0) == 0 && e.actor1->country && gazetteer_) {
      if (const Country* country = gazetteer_->country(*e.actor1->country)) {
        const Actor army = actors_.generic(ActorKind::Military, country);
        e.actor1->name = army.name;
        e.actor1->type = army.type;
        e.actor1->inter = army.inter;
        c.reasons.push_back("actor1: a government at war is its military forces");
      }
    }
    const bool named = e.actor1 || e.actor2;  // by the text, before ACLED's defaults
    fill_default_actors(*kind, main_country, counts_here, doc.actors, e, c.reasons);
    if (kind->event_type == "Battles" && !c.mutual && e.actor2 && e.actor2->type == "civilians")
      revise("Attack", "civilians were its victims");
    // Violence, or an arrest, with no one named on either side and no one counted dead, hurt,
    // taken or held may repeat an incident but is none by itself: "a team's attack", "three
    // escaped inmates captured", "a woman was arrested for filing a false report".
    const bool harmed =
        std::any_of(counts_here.begin(), counts_here.end(), [](const CountMention* n) {
          return n->what == "killed" || n->what == "wounded" || n->what == "abducted" ||
                 n->what == "arrested" || n->what == "detained" || n->what == "missing";
        });
    // Explosions are never that: a bomb that went off is an incident whoever set it.
    c.weak =
        !named && !harmed && !civilian_place && kind->event_type != "Explosions/Remote violence" &&
        (trigger->generic || is_violent(kind->event_type) || kind->sub_event_type == "Arrests");
    set_kind(e, *kind);

    e.source = event_source(doc, said, actors_here, actors_, c.reasons);

    set_interaction(e);
    e.evidence.push_back(code_points(doc, sentence.span));
    c.sentences.push_back(sentence.span);
    // « Armed gangs have killed thousands of people in recent years »: a toll in thousands with no
    // place below the country and no day is a general statement, not an incident.
    if (auto why = relevance_.irrelevant(doc, sentence, e)) {
      leave_out(index, *trigger, "not an event ACLED codes: " + *why);
      continue;
    }
    const bool tied = (e.location && e.location->precision != "country") ||
                      (e.date->start && e.date->time_precision <= 2);
    if (!tied && e.fatalities && e.fatalities->low >= 1000) {
      leave_out(index, *trigger, "a general statement: a toll in thousands with no place or day");
      continue;
    }
    c.brief = brief;
    c.anchored = (e.location && e.location->precision != "country") ||
                 (e.date->start && e.date->time_precision <= 2) ||
                 (e.fatalities && e.fatalities->high < 1000);
    // A brief that places its one event word below the country and on a day reports it, even
    // when it names no one and counts no one ("unknown individuals killed a herder in Bessassi on
    // 9 October").
    // A change of territory is not one of them: who took it is what it says.
    if (brief && tied && found.empty() &&
        kind->sub_event_type.find("territory") == std::string::npos)
      c.weak = false;
    found.push_back(std::move(c));
  }
  return found;
}

}  // namespace vigie
