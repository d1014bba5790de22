#include "events/roles.h"

#include <algorithm>

namespace vigie {

std::uint32_t token_at(const Document& doc, std::uint32_t offset) {
  auto it = std::upper_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                             [](std::uint32_t at, const Token& t) { return at < t.span.begin; });
  if (it != doc.tokens.begin()) --it;
  return static_cast<std::uint32_t>(it - doc.tokens.begin());
}

namespace {

bool overlaps(Span a, Span b) {
  return a.begin < b.end && b.begin < a.end;
}

// Outcomes whose counted people are on the receiving end of the event.
bool victim_outcome(const std::string& what) {
  return what == "killed" || what == "wounded" || what == "abducted" || what == "missing" ||
         what == "arrested";
}

// Whether token k is an event word of the document (« attaque », "attack").
bool event_noun_at(const Document& doc, std::uint32_t k) {
  const Span& at = doc.tokens[k].span;
  return std::any_of(doc.triggers.begin(), doc.triggers.end(),
                     [&](const TriggerMention& t) { return t.span.contains(at); });
}

// "Ansaroul Islam militants carried a large-scale attack on Djibo, and the gendarmerie were
// attacked": an actor followed, before a later passive event verb, by an active verb of its own
// and an event noun after that verb is the subject of that verb, the doer told first.
constexpr std::uint32_t kObjectReach = 6;  // words from the verb to its event noun

bool subject_of_an_earlier_event(const Document& doc, std::uint32_t actor_end,
                                 std::uint32_t passive_first) {
  for (auto it = std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), actor_end,
                                  [](const VerbGroup&v, std::uint32_t at) { return v.first < at; });
       it != doc.verb_groups.end() && it->last < passive_first; ++it) {
    const VerbGroup& g = *it;
    if (g.voice != Voice::Active || g.negated) continue;
    for (std::uint32_t k = g.last + 1; k < passive_first && k <= g.last + kObjectReach; ++k) {
      if (event_noun_at(doc, k)) return true;
    }
  }
  return false;
}

// Whether the actor at tokens [first, last] is the object of `verb`, between it and the event
// noun at `noun`: right after the verb with no punctuation between ("attacked the army with a
// landmine"), and not the noun's own modifier ("militant attacks": right before the noun).
bool object_of(const Document& doc, const VerbGroup& verb, std::uint32_t first, std::uint32_t last,
               std::uint32_t noun) {
  if (first <= verb.last || last + 1 >= noun) return false;
  for (std::uint32_t k = verb.last + 1; k < first; ++k) {
    if (doc.tokens[k].kind == TokenKind::Punct) return false;
  }
  return true;
}

bool state_side(const ActorMention& a) {
  return a.type == "state_forces" || a.type == "external_other";
}

// « … une localité abritant des déplacés, lorsqu'un des véhicules a roulé sur l'IED », "soldiers
// were on patrol when gunmen attacked their convoy": an actor before a subordinating word ("when",
// « lorsque ») that opens the event verb's clause is not its subject. nullopt: it may be (no
// such word, or the verb's clause names no other side of its own — "they clashed", "the
// militants seized"); "": an unarmed bystander; else why it is the target: armed men of the other
// side, on the receiving end.
std::optional<std::string> in_a_clause_before(const Document& doc, const RoleLexicon& lexicon,
                                              const std::vector<const ActorMention*>& actors,
                                              const ActorMention& a, const VerbGroup& verb) {
  const std::uint32_t actor_last = token_at(doc, a.span.end - 1);
  std::optional<std::uint32_t> opener;
  for (std::uint32_t k = actor_last + 1; k < verb.first && !opener; ++k)
    if (lexicon.subordinates(doc.tokens[k].fold)) opener = k;
  if (!opener) return std::nullopt;
  if (a.type == "civilians" || a.type == "protesters" || a.type == "rioters") return "";
  const Span clause{doc.tokens[*opener].span.end, doc.tokens[verb.first].span.begin};
  const auto subject = std::find_if(actors.begin(), actors.end(), [&](const ActorMention* b) {
    return clause.contains(b->span);
  });
  if (subject == actors.end() || state_side(**subject) == state_side(a)) return std::nullopt;
  return std::string("armed men of the other side, in the clause the event broke into");
}

}  // namespace

Roles assign_roles(const ClauseContext& c, const RoleLexicon& lexicon,
                   const ActorKnowledgeBase& known) {
  const Document& doc = c.doc;
  Roles roles;
  // The clause: what the speaker said, else the sentence.
  Span window = c.sentence.span;
  if (c.said) {
    window.begin = std::max(window.begin, c.said->claim.begin);
    window.end = std::min(window.end, c.said->claim.end);
  }
  const std::uint32_t window_first = token_at(doc, window.begin);
  const std::uint32_t trigger_token = c.trigger.head;
  const VerbGroup* group = doc.verb_group_of(trigger_token);
  const bool passive = group && group->voice == Voice::Passive;
  // For an event noun, the verb it depends on: « a frappé un engin explosif », « ont participé
  // à un massacre ».
  const VerbGroup* governing = nullptr;
  if (!group) {
    auto it = std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), window_first,
                               [](const VerbGroup& g, std::uint32_t at) { return g.first < at; });
    for (; it != doc.verb_groups.end() && it->last < trigger_token; ++it) governing = &*it;
  }
  // Its subject suffers the event when the verb says so (« a frappé un engin explosif ») or is
  // passive (« avait été tué par une bombe »).
  const bool subject_undergoes =
      governing &&
      (governing->voice == Voice::Passive || lexicon.undergoes(doc.tokens[governing->head].lemma));

  auto add = [](std::vector<const ActorMention*>& main, std::vector<const ActorMention*>& with,
                const ActorMention* a,
                bool joins) { (joins && !main.empty() ? with : main).push_back(a); };
  bool between_open = false;  // after « entre X », the actor joined by « et » is the other side
  // « Des affrontements ont opposé des combattants du JNIM à ceux de l'EI », "clashes pitted X
  // against Y": after such a verb, the first actor is one side and the next the other.
  std::optional<std::uint32_t> opposing_after;
  if (!group) {
    for (auto g =
             std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), window_first,
                              [](const VerbGroup&v, std::uint32_t at) { return v.first < at; });
         g != doc.verb_groups.end() && doc.tokens[g->first].span.begin < window.end; ++g) {
      if (lexicon.opposes(doc.tokens[g->head].lemma)) {
        opposing_after = doc.tokens[g->last].span.end;
        break;
      }
    }
  }
  bool first_side_named = false;
  const ActorMention* previous = nullptr;
  for (const ActorMention* a : c.actors) {
    if (!window.contains(a->span)) continue;
    // "JNIM militants", "Al Shabaab fighters": a description right after a name is that name.
    const bool describes_previous =
        previous && a->rule.rfind("description", 0) == 0 &&
        previous->rule.rfind("description", 0) != 0 &&
        token_at(doc, a->span.begin) == token_at(doc, previous->span.end - 1) + 1;
    previous = a;
    if (describes_previous) continue;
    // Whoever tells the event is not a party to it, unless the words say so (below); the
    // speaker of other words is (« des manifestants qui dénonçaient la vie chère »).
    if (std::any_of(c.attributions.begin(), c.attributions.end(),
                    [&](const AttributionMention* said) {
                      return said->speaker && said->claim.contains(c.trigger.span) &&
                             overlaps(a->span, said->speaker->span);
                    }))
      continue;
    if (c.said && overlaps(a->span, c.said->cue)) continue;
    if (const Actor* k = known.find(a->name); k && k->source) continue;
    const std::string text(doc.slice(a->span));
    // A jihadist group's statement calling fighters « djihadistes » speaks of its own.
    if (c.said && c.said->speaker && a->name.rfind("Islamist Militia", 0) == 0 &&
        (c.said->speaker->type == "rebel_group" || c.said->speaker->type == "political_militia") &&
        c.said->speaker->name.rfind("Islamist Militia", 0) != 0 &&
        c.said->speaker->name.rfind("Unidentified", 0) != 0) {
      ActorMention own = *a;
      own.name = c.said->speaker->name;
      own.type = c.said->speaker->type;
      own.inter = c.said->speaker->inter;
      own.country = c.said->speaker->country;
      own.rule = "the speaker's own fighters";
      roles.renamed.push_back(std::move(own));
      a = &roles.renamed.back();
      roles.reasons.push_back("'" + text + "' is " + a->name + ": its own statement");
    }
    // Counted victims (« la mort de six soldats », "killing 12 civilians") were done to.
    const bool victim = std::any_of(c.counts.begin(), c.counts.end(), [&](const CountMention* n) {
      return victim_outcome(n->what) && !n->who_span.empty() && overlaps(n->who_span, a->span);
    });
    const std::uint32_t first = token_at(doc, a->span.begin);
    const RoleCue cue = lexicon.cue_before(doc, first, window_first);
    const bool joins = cue == RoleCue::With;
    if (victim) {
      add(roles.targets, roles.with_targets, a, joins);
      roles.reasons.push_back("'" + text + "' target: counted among the victims");
      continue;
    }
    // (An actor that runs into the event words is before them: "Georgian artillery attacks".)
    const bool before = a->span.end <= c.trigger.span.begin ||
                        (a->span.begin < c.trigger.span.begin && a->span.end < c.trigger.span.end);
    // An actor before "when", « lorsque » (in_a_clause_before); for an event noun, the verb it
    // depends on (« a roulé sur l'IED »).
    const VerbGroup* verb = group ? group : governing;
    if (verb && before && a->span.end <= doc.tokens[verb->first].span.begin) {
      if (auto why = in_a_clause_before(doc, lexicon, c.actors, *a, *verb)) {
        if (why->empty()) {
          roles.reasons.push_back("'" + text + "' none: in another clause than the verb");
        } else {
          add(roles.targets, roles.with_targets, a, false);
          roles.reasons.push_back("'" + text + "' target: " + *why);
        }
        continue;
      }
    }
    // "the army and presumed JNIM militants clashed", "soldiers clashed with gunmen": the sides
    // of a reciprocal verb are each other's.
    std::uint32_t join_word = first;
    // (past a determiner and words that qualify: "presumed", "suspected")
    while (join_word > window_first && first - join_word < 3 &&
           (doc.tokens[join_word - 1].pos == Pos::ADJ ||
            doc.tokens[join_word - 1].pos == Pos::DET ||
            doc.tokens[join_word - 1].pos == Pos::VERB))
      --join_word;
    if (group && lexicon.reciprocal(doc.tokens[group->head].lemma) && join_word > window_first &&
        lexicon.other_side(doc.tokens[join_word - 1].fold) && !roles.agents.empty() &&
        roles.targets.empty()) {
      roles.targets.push_back(a);
      roles.reasons.push_back("'" + text + "' target: the other side of a reciprocal verb");
      continue;
    }
    if (opposing_after && a->span.begin >= *opposing_after) {
      (first_side_named ? roles.targets : roles.agents).push_back(a);
      roles.reasons.push_back("'" + text + "' " + (first_side_named ? "target" : "doer") +
                              ": a side set against the other by the verb");
      first_side_named = true;
      continue;
    }
    // Cues count after the event word only: in « un convoi escorté par l'armée est tombé dans
    // une embuscade », « par » belongs to the subject.
    const bool armed = a->type != "civilians" && a->type != "protesters";
    bool agent;
    std::string why;
    if (!before && cue == RoleCue::Between) {
      agent = true;
      why = "the first side named after « between »";
      between_open = true;
    } else if (!before && joins && between_open) {
      agent = false;
      why = "the other side of the clash";
      between_open = false;
      roles.targets.push_back(a);
      roles.reasons.push_back("'" + text + "' target: " + why);
      continue;
    } else if (!before && cue == RoleCue::Agent) {
      agent = true;
      why = "introduced as the doer";
    } else if (!before && cue == RoleCue::Target) {
      agent = false;
      why = "introduced as the target";
    } else if (!before && !group && cue == RoleCue::Of &&
               token_at(doc, c.trigger.span.end - 1) + 2 == first) {
      // « une frappe de l'armée », "the killing of civilians": whose the event noun is.
      agent = armed;
      why = armed ? "an armed actor the event noun belongs to" : "the people the event noun names";
    } else if (!before && armed && cue == RoleCue::Of && first >= 2 &&
               event_noun_at(doc, first - 2)) {
      // « tués lors d'une attaque d'hommes armés »: an armed actor another event noun of the
      // sentence belongs to did the deed, whatever the verb.
      agent = true;
      why = "an armed actor an event noun of the sentence belongs to";
    } else if (group && lexicon.undergoes(doc.tokens[group->head].lemma)) {
      // « le véhicule a sauté sur une mine », "the patrol struck a landmine"
      agent = false;
      why = "subject of a verb whose subject suffers the event (" + doc.tokens[group->head].lemma +
            ")";
    } else if (group && passive && !before) {
      // After a passive verb only « par » / "by" brings the doer (« tués dans une attaque contre
      // un poste de l'armée »: the army was attacked).
      agent = false;
      why = "after the passive verb, not introduced as the doer";
    } else if (group && passive && before &&
               subject_of_an_earlier_event(doc, token_at(doc, a->span.end - 1) + 1, group->first)) {
      agent = true;
      why = "subject of an earlier verb whose object is the event noun";
    } else if (group) {
      agent = before != passive;
      why =
          std::string(before ? "before" : "after") + " the " + (passive ? "passive " : "") + "verb";
    } else if (before && governing && !subject_undergoes && cue != RoleCue::With &&
               object_of(doc, *governing, first, token_at(doc, a->span.end - 1), trigger_token)) {
      // "militants attacked the army with a landmine": the object of the verb the event noun
      // depends on is what the event was done to.
      agent = false;
      why = "object of the verb the event noun depends on (" + doc.tokens[governing->head].lemma +
            ")";
    } else if (before) {
      agent = !subject_undergoes;
      why = subject_undergoes ? "subject of a verb whose subject suffers the event (" +
                                    doc.tokens[governing->head].lemma + ")"
                              : "before the event noun";
    } else {
      agent = false;
      why = "after the event noun";
    }
    if (agent) {
      add(roles.agents, roles.with_agents, a, joins);
    } else {
      add(roles.targets, roles.with_targets, a, joins);
    }
    roles.reasons.push_back("'" + text + "' " + (agent ? "doer" : "target") + ": " + why +
                            (joins && (agent ? roles.with_agents : roles.with_targets).size() &&
                                     (agent ? roles.with_agents : roles.with_targets).back() == a
                                 ? ", joining the one before"
                                 : ""));
  }
  // The speaker as the doer: « (nous) avons capturé », « affirme avoir neutralisé ».
  if (roles.agents.empty() && c.said && c.said->speaker) {
    bool first_person = false;
    for (std::uint32_t k = window_first; k < trigger_token; ++k) {
      first_person = first_person || lexicon.first_person(doc.tokens[k].fold);
    }
    if (first_person || c.said->speaker_acts) {
      roles.agents.push_back(&*c.said->speaker);
      roles.reasons.push_back("'" + std::string(doc.slice(c.said->speaker->span)) +
                              "' doer: the speaker " +
                              (first_person ? "speaks of itself" : "says it did it"));
    }
  }
  return roles;
}

}  // namespace vigie
