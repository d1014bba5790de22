#include "events/clauses.h"

#include <algorithm>

#include "events/roles.h"

namespace vigie {

namespace {

bool is_fact(const VerbGroup& g) {
  return !g.negated && g.tense != Tense::Future;
}

// "gathered in Witney to protest", « se sont rassemblés pour protester », "used tear gas to
// disperse": an infinitive of purpose after a verb that reports a fact names what the doers did
// by doing it. The verb must not be one of aim ("urged the police to arrest", « menace de »), nor
// the word before the purpose one ("in an attempt to attack").
bool done_on_purpose(const Document& doc, std::uint32_t head, const RoleLexicon& roles) {
  const Sentence* sentence = nullptr;
  for (const Sentence& s : doc.sentences) {
    if (s.first_token <= head && head < s.first_token + s.token_count) {
      sentence = &s;
      break;
    }
  }
  if (!sentence || head < sentence->first_token + 2) return false;
  const Token& marker = doc.tokens[head - 1];
  if (!roles.purpose(marker.fold)) return false;
  if (roles.aims(doc.tokens[head - 2].lemma)) return false;
  for (std::uint32_t k = head - 1; k-- > sentence->first_token;) {
    const VerbGroup* g = doc.verb_group_of(k);
    if (!g) continue;
    // Hearsay (« aurait été engagé pour combattre ») tells no deed either.
    return is_fact(*g) && g->tense != Tense::Conditional && !roles.aims(doc.tokens[g->head].lemma);
  }
  return false;
}

}  // namespace

// A negated or announced event did not happen (« n'a pas été attaqué », "will attack"), and a
// verb in the infinitive outside a verb group names an aim or a threat, not a deed (« engagé pour
// combattre », « menace d'attaquer », "vowed to attack") unless it is the purpose of a deed
// (done_on_purpose); « affirme avoir capturé » is a group.
bool reports_a_fact(const Document& doc, const TriggerMention& t, const RoleLexicon& roles) {
  if (const VerbGroup* g = doc.verb_group_of(t.head)) return is_fact(*g);
  const Token& head = doc.tokens[t.head];
  if (!(head.pos == Pos::VERB && head.features.find("VerbForm=Inf") != std::string::npos))
    return true;
  // "marched in protest": after a preposition that no infinitive follows, the form is a noun;
  // after a subject or a determiner ("prison guards beat a journalist", "held a sit-in") the
  // bare form is a past tense or a noun, not an infinitive.
  if (t.head > 0) {
    const Token& before = doc.tokens[t.head - 1];
    if (before.pos == Pos::ADP && !roles.infinitive_marker(before.fold)) return true;
    if (before.pos == Pos::NOUN || before.pos == Pos::PROPN || before.pos == Pos::DET ||
        (before.pos == Pos::PUNCT && doc.token_text(before) == ")"))
      return true;
    // "entered the village and set 29 houses on fire": after « et » / "and", the bare form shares
    // the tense of the verb it is coordinated with.
    if (before.pos == Pos::CCONJ) {
      const auto group =
          std::upper_bound(doc.verb_groups.begin(), doc.verb_groups.end(), t.head,
                           [](std::uint32_t at, const VerbGroup& g) { return at < g.first; });
      if (group != doc.verb_groups.begin()) {
        const VerbGroup& g = *std::prev(group);
        const bool same_sentence = std::none_of(
            doc.tokens.begin() + g.last, doc.tokens.begin() + t.head,
            [&](const Token& k) { return doc.token_text(k) == "." || doc.token_text(k) == ";"; });
        if (same_sentence && g.last < t.head && is_fact(g) && g.tense == Tense::Past) return true;
      }
    }
  }
  return done_on_purpose(doc, t.head, roles);
}

std::vector<Sentence> clauses(const Document& doc, const Sentence& sentence,
                              const std::vector<const TriggerMention*>& triggers,
                              const std::vector<const DateMention*>& dates,
                              const std::vector<const PlaceMention*>& places,
                              const RoleLexicon& roles) {
  std::vector<Sentence> out;
  if (triggers.size() < 2) return {sentence};
  // What a stretch of tokens holds: an event verb that reports a fact, and a day or a place.
  auto holds_event = [&](std::uint32_t first, std::uint32_t end) {
    const Span span{doc.tokens[first].span.begin, doc.tokens[end - 1].span.end};
    const bool verb = std::any_of(triggers.begin(), triggers.end(), [&](const TriggerMention* t) {
      // A death ("who died in 2017") tells a toll, not an event of its own.
      return !t->toll && span.contains(t->span) && doc.verb_group_of(t->head) &&
             reports_a_fact(doc, *t, roles);
    });
    const bool day = std::any_of(dates.begin(), dates.end(), [&](const DateMention* d) {
      return d->start && span.contains(d->span);
    });
    const bool place = std::any_of(places.begin(), places.end(), [&](const PlaceMention* p) {
      return p->place && span.contains(p->span);
    });
    return verb && (day || place);
  };
  std::uint32_t start = sentence.first_token;
  const std::uint32_t end = sentence.first_token + sentence.token_count;
  for (std::uint32_t k = start + 1; k + 1 < end; ++k) {
    if (!roles.breaks_clause(doc.tokens[k].fold)) continue;
    // « … et ont enlevé des dizaines d'autres » shares its subject: one event.
    const Pos next = doc.tokens[k + 1].pos;
    if (next == Pos::VERB || next == Pos::AUX) continue;
    if (!holds_event(start, k) || !holds_event(k + 1, end)) continue;
    out.push_back({{doc.tokens[start].span.begin, doc.tokens[k - 1].span.end}, start, k - start});
    start = k + 1;
  }
  if (out.empty()) return {sentence};
  out.push_back({{doc.tokens[start].span.begin, sentence.span.end}, start, end - start});
  return out;
}

// « OUAGADOUGOU (AFP) - », "KANO, Nigeria, March 9 (Reuters) -": where and when a story was
// filed, not where and when its events happened. A paragraph that opens with a place and, within
// a dozen words, an agency in parentheses.
std::vector<Span> datelines(const Document& doc, const ActorKnowledgeBase& kb) {
  std::vector<Span> out;
  for (const Span& paragraph : doc.paragraphs) {
    const auto place =
        std::lower_bound(doc.places.begin(), doc.places.end(), paragraph.begin,
                         [](const PlaceMention& p, std::uint32_t at) { return p.span.begin < at; });
    if (place == doc.places.end() || place->span.begin != paragraph.begin) continue;
    const std::uint32_t first = token_at(doc, paragraph.begin);
    for (std::uint32_t k = first; k + 2 < doc.tokens.size() && k < first + 12; ++k) {
      if (doc.tokens[k].span.begin >= paragraph.end) break;
      if (doc.token_text(doc.tokens[k]) != "(") continue;
      const auto agency = std::lower_bound(
          doc.actors.begin(), doc.actors.end(), doc.tokens[k + 1].span.begin,
          [](const ActorMention& a, std::uint32_t at) { return a.span.begin < at; });
      const Actor* known =
          agency != doc.actors.end() && agency->span.begin == doc.tokens[k + 1].span.begin
              ? kb.find(agency->name)
              : nullptr;
      if (!known || !known->source) break;
      for (std::uint32_t close = k + 2; close < doc.tokens.size() && close < k + 6; ++close) {
        if (doc.token_text(doc.tokens[close]) == ")") {
          out.push_back({paragraph.begin, doc.tokens[close].span.end});
          break;
        }
      }
      break;
    }
  }
  return out;
}

}  // namespace vigie
