#include "events/incident_merger.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <numeric>

#include "events/event_kinds.h"

namespace vigie {
namespace {

// A place below the country: a country's own gazetteer entry says no more than its code.
bool has_place(const EventRecord& e) {
  return e.location && e.location->geonameid && e.location->precision != "country";
}

bool same_place(const EventRecord& a, const EventRecord& b) {
  return has_place(a) && has_place(b) && *a.location->geonameid == *b.location->geonameid;
}

bool is_region(const EventRecord& e) {
  return e.location && (e.location->precision == "admin1" || e.location->precision == "admin2");
}

// A place below a region and in it: « le village de Korombara » in « la région de Tillabéri ».
bool in_region(const EventRecord& area, const EventRecord& e) {
  return is_region(area) && e.location && !is_region(e) &&
         e.location->country == area.location->country && area.location->admin1 &&
         e.location->admin1 == area.location->admin1;
}

// Places that may be one: the same entry, a place and the region it lies in, or at least one
// without a place below its country.
bool places_compatible(const EventRecord& a, const EventRecord& b) {
  if (!a.location || !b.location) return true;
  if (has_place(a) && has_place(b))
    return *a.location->geonameid == *b.location->geonameid || in_region(a, b) || in_region(b, a);
  return !a.location->country || !b.location->country ||
         *a.location->country == *b.location->country;
}

bool resolved(const EventRecord& e) {
  return e.date && e.date->start && e.date->end;
}

bool dates_overlap(const EventRecord& a, const EventRecord& b) {
  return *a.date->start <= *b.date->end && *b.date->start <= *a.date->end;  // ISO dates sort
}

bool dates_compatible(const EventRecord& a, const EventRecord& b) {
  return !resolved(a) || !resolved(b) || dates_overlap(a, b);
}

// A lead that names only the country and a mention that places violence in it ("Quinze soldats
// ont été tués mardi dans le centre-nord du pays" … "un véhicule a sauté sur un engin explosif à
// hauteur de Namsiguia"): the second tells where the first happened.
bool places_the_lead(const EventRecord& a, const EventRecord& b) {
  if (!is_violent(a.event_type) || !is_violent(b.event_type)) return false;
  if (has_place(a) != has_place(b)) return true;
  // The same with a region for the lead (« dans la région de Tillabéri » … « dans le village
  // de Korombara »): a place inside it.
  return has_place(a) && has_place(b) && (in_region(a, b) || in_region(b, a));
}

// Positive signs that two anchored events are one incident.
bool same_incident(const EventRecord& a, const EventRecord& b) {
  if (!places_compatible(a, b) || !dates_compatible(a, b)) return false;
  if (same_place(a, b) || places_the_lead(a, b)) return true;
  return a.sub_event_type == b.sub_event_type && resolved(a) && resolved(b) &&
         a.date->time_precision <= 2 && b.date->time_precision <= 2;
}

// Deaths of different sides add up (« six soldats » and, later, « quatre assaillants »); two
// tolls that may count the same dead (civilians, then "people") must fit each other.
bool different_dead(const EventCandidate& a, const EventCandidate& b) {
  if (a.killed.empty() || b.killed.empty()) return false;
  for (const auto& x : a.killed) {
    for (const auto& y : b.killed) {
      const Side sx = side_of(x), sy = side_of(y);
      if (sx == Side::Unknown || sy == Side::Unknown || sx == sy) return false;
    }
  }
  return true;
}

bool fatalities_compatible(const EventRecord& a, const EventRecord& b) {
  if (!a.fatalities || !b.fatalities) return true;
  return a.fatalities->low <= b.fatalities->high && b.fatalities->low <= a.fatalities->high;
}

bool tolls_fit(const EventCandidate& a, const EventCandidate& b) {
  // (« Quatre autres personnes ont trouvé la mort »: others than those counted, added.)
  return different_dead(a, b) || a.more_dead || b.more_dead ||
         fatalities_compatible(a.record, b.record);
}

// Two accounts agree when they tell the same kind of event with tolls and victims that fit, and
// are not the claims of two different parties.
bool agree(const EventCandidate& x, const EventCandidate& y) {
  const EventRecord &a = x.record, &b = y.record;
  const bool denial =
      (a.source && a.source->status == "denied") || (b.source && b.source->status == "denied");
  const bool rival_claims = a.source && b.source && a.source->status == "claimed" &&
                            b.source->status == "claimed" && a.source->name != b.source->name;
  const bool victims_fit = !a.actor2 || !b.actor2 || a.actor2->type == b.actor2->type;
  const bool kinds_fit = a.event_type == b.event_type || places_the_lead(a, b);
  return !denial && !rival_claims && kinds_fit && tolls_fit(x, y) && victims_fit;
}

// Kinds two tellers may disagree on for one incident: a clash for one is a massacre of civilians
// for the other.
bool comparable(const EventRecord& a, const EventRecord& b) {
  return a.event_type == b.event_type || (is_violent(a.event_type) && is_violent(b.event_type));
}

bool same_source(const EventRecord& a, const EventRecord& b) {
  if (!a.source || !b.source) return !a.source && !b.source;
  return a.source->name == b.source->name && a.source->status == b.source->status;
}

std::vector<std::string> actor_names(const EventRecord& e) {
  std::vector<std::string> names;
  if (e.actor1) names.push_back(e.actor1->name);
  if (e.actor2) names.push_back(e.actor2->name);
  for (const auto& a : e.assoc_actor1) names.push_back(a.name);
  for (const auto& a : e.assoc_actor2) names.push_back(a.name);
  return names;
}

// A mention that names nothing concrete repeats an event when it tells the same kind, at a place
// and time that fit, among the same actors.
bool repeats(const EventCandidate& m, const EventCandidate& e) {
  const EventRecord &mention = m.record, &event = e.record;
  // « Twelve killed in attack on Niger village » repeats the massacre told below it.
  // A toll ("3 soldiers died") fits any violent kind.
  const bool kind_fits = mention.event_type == event.event_type || m.generic ||
                         (m.toll && is_violent(event.event_type));
  if (!kind_fits || !places_compatible(mention, event) || !dates_compatible(mention, event) ||
      !tolls_fit(m, e))
    return false;
  // A toll told right after the event needs no shared actor: « Quatre assaillants ont également
  // été tués lors de la riposte », "Two soldiers were wounded."
  const auto mine = actor_names(mention), theirs = actor_names(event);
  const bool follows =
      m.sentence > e.sentence && m.sentence - e.sentence <= 2 && (m.record.fatalities || m.toll);
  // « L'attaque, menée par des hommes armés, … » names who did what the account left open.
  auto fits_side = [](const std::optional<ActorField>& told,
                      const std::optional<ActorField>& open) {
    return !told || !open || told->name == open->name;
  };
  const bool fills_open_sides = m.refers_back && fits_side(mention.actor1, event.actor1) &&
                                fits_side(mention.actor2, event.actor2);
  return mine.empty() || follows || fills_open_sides ||
         std::any_of(mine.begin(), mine.end(), [&](const std::string& n) {
           return std::find(theirs.begin(), theirs.end(), n) != theirs.end();
         });
}

int place_rank(const LocationField& l) {
  static const char* const order[] = {"exact", "near", "admin2", "admin1", "country"};
  for (int k = 0; k < 5; ++k) {
    // A settlement placed in its country only (« la localité de Kpinkankandi ») still says more
    // than the country named alone, which has no name of its own.
    // (The country the text is about, borrowed, has its name but no words of the text.)
    if (l.precision == order[k]) return 2 * k - (k == 4 && l.name && *l.name == l.text ? 1 : 0);
  }
  return 10;
}

// Named sources before the publisher (a source without words in the text): a mention that only
// the publisher vouches for must not replace the party that claimed the incident.
int source_rank(const std::optional<SourceField>& s) {
  if (!s) return 5;
  if (!s->span) return 4;
  if (s->status == "confirmed") return 0;
  if (s->status == "reported") return 1;
  if (s->status == "claimed") return 2;
  return 3;
}

// One mention folded into the record of its account: every field keeps the most precise value.
void absorb(EventCandidate& into, const EventCandidate& from, const std::string& why) {
  EventRecord& e = into.record;
  const EventRecord& m = from.record;
  std::vector<std::string> gave;  // the fields this mention filled or made more precise
  auto width = [](const DateField& d) { return d.time_precision * 1000 + (*d.start != *d.end); };
  if (resolved(m) &&
      (!resolved(e) || (dates_overlap(e, m) && width(*m.date) < width(*e.date) &&
                        *m.date->start >= *e.date->start && *m.date->end <= *e.date->end))) {
    e.date = m.date;
    gave.push_back("date");
  }
  // « aux portes de Niamey » … « le village de Laoudou, à 17 km au sud de Niamey »: a settlement
  // placed by the account's own place says more than that place.
  auto settles = [](const LocationField& inner, const LocationField& outer) {
    return !inner.geonameid && outer.geonameid && inner.lat && inner.lat == outer.lat &&
           inner.lon == outer.lon && inner.name != outer.name;
  };
  if (m.location && (!e.location || place_rank(*m.location) < place_rank(*e.location) ||
                     settles(*m.location, *e.location))) {
    e.location = m.location;
    gave.push_back("location");
  }
  auto names = actor_names(e);
  auto known = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  // A side left open takes a party the mention adds, from either of its sides: a follow-up
  // may tell the incident from the other side (« les combattants se sont emparés d'armes aux
  // mercenaires » after « les mercenaires ont effectué… »).
  auto fill = [&](std::optional<ActorField>& slot, const std::optional<ActorField>& same,
                  const std::optional<ActorField>& other, const char* field) {
    if (slot) return;
    for (const auto* a : {&same, &other}) {
      if (*a && !known((*a)->name)) {
        slot = **a;
        names.push_back((*a)->name);
        gave.push_back(field);
        return;
      }
    }
  };
  // The dead a toll counts ("Forty people died") suffered the event: never its doer.
  fill(e.actor1, m.actor1, from.toll ? std::optional<ActorField>() : m.actor2, "actor1");
  fill(e.actor2, m.actor2, m.actor1, "actor2");
  for (const auto* list : {&m.assoc_actor1, &m.assoc_actor2}) {
    for (const auto& a : *list) {
      if (known(a.name)) continue;
      (list == &m.assoc_actor1 ? e.assoc_actor1 : e.assoc_actor2).push_back(a);
      names.push_back(a.name);
    }
  }
  if (m.fatalities && e.fatalities && (different_dead(into, from) || from.more_dead)) {
    e.fatalities->best += m.fatalities->best;
    e.fatalities->low += m.fatalities->low;
    e.fatalities->high += m.fatalities->high;
    e.fatalities->text += " + " + m.fatalities->text;
    into.killed.insert(into.killed.end(), from.killed.begin(), from.killed.end());
    gave.push_back("more dead");
  } else if (m.fatalities && (!e.fatalities || (m.fatalities->high - m.fatalities->low <
                                                e.fatalities->high - e.fatalities->low))) {
    e.fatalities = m.fatalities;
    into.killed = from.killed;
    gave.push_back("fatalities");
  }
  if (source_rank(m.source) < source_rank(e.source)) {
    e.source = m.source;
    gave.push_back("source");
  }
  e.evidence.insert(e.evidence.end(), m.evidence.begin(), m.evidence.end());
  into.sentences.insert(into.sentences.end(), from.sentences.begin(), from.sentences.end());
  std::string line = "merged: '" + from.trigger_text + "' in sentence " +
                     std::to_string(from.sentence + 1) + ", " + why;
  for (std::size_t k = 0; k < gave.size(); ++k) line += (k ? ", " : "; gave ") + gave[k];
  into.reasons.push_back(std::move(line));
}

double confidence(const EventRecord& e) {
  const int filled = (e.date && e.date->start ? 1 : 0) + (e.location ? 1 : 0) + (e.actor1 ? 1 : 0) +
                     (e.actor2 ? 1 : 0) + (e.fatalities ? 1 : 0) + (e.source ? 1 : 0);
  const double mentions = static_cast<double>(e.evidence.size() - 1);
  return std::min(0.95, 0.3 + 0.08 * filled + 0.05 * mentions);
}

// How much a mention tells: the richest mention of an account gives its record, the others fill
// what it leaves open.
int filled(const EventRecord& e) {
  return (e.date && e.date->start ? 1 : 0) + (e.location ? 1 : 0) + (e.actor1 ? 1 : 0) +
         (e.actor2 ? 1 : 0) + (e.fatalities ? 1 : 0) + (e.source ? 1 : 0);
}

// The record of an account from all its mentions, whatever the order they came in.
EventCandidate compose(const std::vector<const EventCandidate*>& members,
                       const std::vector<std::string>& why) {
  // A toll's word ("3 soldiers died") says how many, not what happened: it never gives the kind.
  std::size_t base = 0;
  for (std::size_t k = 1; k < members.size(); ++k) {
    const EventRecord& a = members[k]->record;
    const EventRecord& b = members[base]->record;
    if (members[k]->toll != members[base]->toll) {
      if (members[base]->toll) base = k;
      continue;
    }
    if (filled(a) > filled(b) ||
        (filled(a) == filled(b) && source_rank(a.source) < source_rank(b.source)))
      base = k;
  }
  EventCandidate out = *members[base];
  // In the order of the text: where two mentions say as much, the earlier one's words stand,
  // whenever each joined.
  std::vector<std::size_t> order(members.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return members[a]->sentence < members[b]->sentence;
  });
  for (std::size_t k : order) {
    if (k != base) absorb(out, *members[k], why[k]);
  }
  return out;
}

}  // namespace

std::vector<EventCandidate> merge_incidents(std::vector<EventCandidate> candidates,
                                            const std::string& doc_id,
                                            std::vector<LeftOutCandidate>* left_out) {
  // Each account: its running record (for matching) and its mentions with why they joined.
  std::vector<EventCandidate> accounts;
  std::vector<std::vector<const EventCandidate*>> members;
  std::vector<std::vector<std::string>> member_why;
  std::vector<std::string> link_note;
  std::deque<EventCandidate> later_accounts;  // accounts made here; members point into it
  std::vector<std::size_t> incident;  // per account: the index of the incident's first account
  std::vector<const EventCandidate*> later;
  // Accounts opened by a mention that names no one and counts no harm (« la ville de Djibo a été
  // le théâtre d'une attaque »): they stand only if a mention joined to them does.
  std::vector<bool> provisional;

  // Anchored mentions: each joins the account it agrees with, or opens a new account, linked to
  // an incident it tells differently when the teller differs.
  for (auto& c : candidates) {
    // Only a place below the country or a day or week ties mentions together here; a toll
    // alone, a headline and « cette attaque » are matched to what they repeat afterwards.
    const EventRecord& r = c.record;
    const bool tied = (r.location && r.location->precision != "country") ||
                      (r.date && r.date->start && r.date->time_precision <= 2);
    if (!tied || c.repeat || c.headline) {
      later.push_back(&c);
      continue;
    }
    std::optional<std::size_t> joined, linked;
    for (std::size_t k = 0; k < accounts.size() && !joined && !c.another; ++k) {
      const EventRecord& a = accounts[k].record;
      if (!same_incident(a, c.record)) continue;
      if (agree(accounts[k], c)) {
        joined = k;
      } else if (!same_source(a, c.record) && !linked) {
        linked = incident[k];
      }
    }
    if (joined) {
      const std::string why = same_place(accounts[*joined].record, c.record)
                                  ? "same place, same kind"
                                  : "same kind, same days";
      absorb(accounts[*joined], c, why);
      members[*joined].push_back(&c);
      member_why[*joined].push_back(why);
      continue;
    }
    link_note.push_back(linked ? "another account of the incident first told in sentence " +
                                     std::to_string(accounts[*linked].sentence + 1)
                               : "");
    incident.push_back(linked.value_or(accounts.size()));
    members.push_back({&c});
    member_why.push_back({"the account's first mention"});
    accounts.push_back(c);
    provisional.push_back(c.weak);
  }

  // Mentions that name nothing concrete (headlines, « cette attaque ») join the nearest account
  // they repeat; the others are general statements, not incidents.
  const std::size_t tied_accounts = accounts.size();
  auto nearest_account = [&](const EventCandidate& c, auto&& fits) {
    std::optional<std::size_t> nearest;
    std::size_t distance = 0;
    // A toll ("1 fatality.") belongs to an incident told with its place or day, not to a
    // mention that opened an account of its own below.
    const std::size_t limit = c.toll && tied_accounts > 0 ? tied_accounts : accounts.size();
    // An account that stands before a provisional one, however near that one is; and a
    // provisional one only for what the text tells after it, or the headline.
    for (const bool take_provisional : {false, true}) {
      for (std::size_t k = 0; k < limit; ++k) {
        if (provisional[k] != take_provisional || !fits(accounts[k])) continue;
        if (take_provisional && !c.headline && c.sentence < accounts[k].sentence) continue;
        const std::size_t d = static_cast<std::size_t>(
            std::labs(static_cast<long>(accounts[k].sentence) - static_cast<long>(c.sentence)));
        if (!nearest || d < distance) {
          nearest = k;
          distance = d;
        }
      }
      if (nearest) break;
    }
    return nearest;
  };
  auto open_account = [&](const EventCandidate& c, std::optional<std::size_t> linked_to) {
    link_note.push_back(linked_to ? "another account of the incident first told in sentence " +
                                        std::to_string(accounts[*linked_to].sentence + 1)
                                  : "");
    incident.push_back(linked_to ? incident[*linked_to] : accounts.size());
    members.push_back({&c});
    member_why.push_back({"the account's first mention"});
    accounts.push_back(c);
    provisional.push_back(false);
  };
  for (const EventCandidate* c : later) {
    if (auto k = nearest_account(
            *c, [&](const EventCandidate& a) { return !c->another && repeats(*c, a); })) {
      const std::string why = c->headline ? "the headline" : "a mention naming nothing new";
      absorb(accounts[*k], *c, why);
      members[*k].push_back(c);
      member_why[*k].push_back(why);
      continue;
    }
    // « Le ministère a annoncé la mort de dix soldats dans cette attaque »: another teller's toll
    // of the event named before is another account of it, at its place and time.
    if (c->refers_back) {
      auto told_before = [&](const EventCandidate& a) {
        return a.sentence < c->sentence && comparable(a.record, c->record) &&
               !same_source(a.record, c->record);
      };
      if (auto k = nearest_account(*c, told_before)) {
        EventCandidate account = *c;
        if (!resolved(account.record)) account.record.date = accounts[*k].record.date;
        if (!account.record.location) account.record.location = accounts[*k].record.location;
        later_accounts.push_back(std::move(account));
        open_account(later_accounts.back(), *k);
        continue;
      }
    }
    // A toll or a headline that repeats nothing is an incident of its own; the rest are general
    // statements.
    // A brief reports one thing: its first event stands even unanchored; others must repeat it.
    // (Provisional accounts do not count: they may be that one thing told without its actors.)
    const bool stands =
        c->anchored ||
        (c->brief && std::all_of(provisional.begin(), provisional.end(), [](bool p) { return p; }));
    // A sum that repeats no event told here ("Three explosions occurred at night in Thanlyin
    // township") is what the report has to tell.
    if (stands && !c->weak && (!c->repeat || c->refers_back || c->summary)) {
      open_account(*c, std::nullopt);
    } else if (left_out) {
      left_out->push_back({c->sentence, c->trigger, c->trigger_text,
                           !stands   ? "a general statement: no place below the country, no day "
                                       "and no toll, and it repeats no event told here"
                           : c->weak ? "no one named on either side and no one harmed, and it "
                                       "repeats no event told here"
                                     : "refers to an event that is not told here"});
    }
  }
  // A provisional account that no mention naming someone or some harm joined is left out, its
  // mentions folded into the nearest account they repeat, as any such mention is. (Every account
  // left counts alike here, without nearest_account's order of standing accounts first: that
  // order would change which account some of these mentions join.)
  std::vector<bool> dropped(accounts.size());
  for (std::size_t k = 0; k < provisional.size(); ++k) {
    if (!provisional[k] || std::any_of(members[k].begin(), members[k].end(),
                                       [](const EventCandidate* m) { return !m->weak; }))
      continue;
    dropped[k] = true;
    for (const EventCandidate* m : members[k]) {
      std::optional<std::size_t> into;
      std::size_t distance = 0;
      for (std::size_t j = 0; j < accounts.size(); ++j) {
        if (j == k || (j < provisional.size() && provisional[j] && dropped[j]) ||
            !repeats(*m, accounts[j]))
          continue;
        const std::size_t d = static_cast<std::size_t>(
            std::labs(static_cast<long>(accounts[j].sentence) - static_cast<long>(m->sentence)));
        if (!into || d < distance) into = j, distance = d;
      }
      if (into) {
        absorb(accounts[*into], *m, "a mention naming nothing new");
        members[*into].push_back(m);
        member_why[*into].push_back("a mention naming nothing new");
      } else if (left_out) {
        left_out->push_back({m->sentence, m->trigger, m->trigger_text,
                             "no one named on either side and no one harmed, and it repeats no "
                             "event told here"});
      }
    }
  }
  for (std::size_t k = 0; k < accounts.size(); ++k) {
    if (dropped[k]) continue;
    accounts[k] = compose(members[k], member_why[k]);
    if (!link_note[k].empty()) accounts[k].reasons.push_back(link_note[k]);
  }

  // Number the events by their first evidence; an incident is named after its first account.
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < accounts.size(); ++k) {
    if (dropped[k]) continue;
    auto& ev = accounts[k].record.evidence;
    std::sort(ev.begin(), ev.end(),
              [](const CodePointSpan& a, const CodePointSpan& b) { return a.start < b.start; });
    ev.erase(std::unique(ev.begin(), ev.end(),
                         [](const CodePointSpan& a, const CodePointSpan& b) {
                           return a.start == b.start && a.end == b.end;
                         }),
             ev.end());
    auto& bytes = accounts[k].sentences;
    std::sort(bytes.begin(), bytes.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    bytes.erase(std::unique(bytes.begin(), bytes.end(),
                            [](const Span& a, const Span& b) { return a.begin == b.begin; }),
                bytes.end());
    order.push_back(k);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return accounts[a].record.evidence.front().start < accounts[b].record.evidence.front().start;
  });
  std::vector<std::string> id_of(accounts.size());
  for (std::size_t n = 0; n < order.size(); ++n)
    id_of[order[n]] = doc_id + "#" + std::to_string(n + 1);
  std::vector<EventCandidate> out;
  for (std::size_t k : order) {
    EventRecord& e = accounts[k].record;
    e.event_id = id_of[k];
    e.incident_id = id_of[dropped[incident[k]] ? k : incident[k]];
    e.confidence = confidence(e);
    if (e.actor1) {
      const int a = e.actor1->inter, b = e.actor2 ? e.actor2->inter : 0;
      e.interaction = b ? std::min(a, b) * 10 + std::max(a, b) : a * 10;
    }
    out.push_back(std::move(accounts[k]));
  }
  return out;
}

}  // namespace vigie
