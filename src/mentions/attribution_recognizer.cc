#include "mentions/attribution_recognizer.h"

#include <algorithm>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

bool is_closing_quote(std::string_view t) {
  return t == "»" || t == "”" || t == "\"" || t == "’";
}

// Punctuation that ends the words a speaker can be found in (« selon HRW, … »).
bool ends_clause(const Token& t, std::string_view text) {
  return t.kind == TokenKind::Punct &&
         (text == "," || text == ";" || text == "." || text == ":" || text == "!" || text == "?");
}

ActorMention actor_mention(const Actor& actor, Span span, std::string rule) {
  ActorMention a;
  a.span = span;
  a.name = actor.name;
  a.type = actor.type;
  a.inter = actor.inter;
  a.country = actor.country;
  a.rule = std::move(rule);
  return a;
}

}  // namespace

AttributionRecognizer::AttributionRecognizer(const LanguagePack& pack, const ActorKnowledgeBase& kb,
                                             const Gazetteer* gazetteer, Tokenizer& tokenizer)
    : kb_(kb), gazetteer_(gazetteer) {
  const auto file = pack.dir / "attribution.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() < 2) throw DataError(where + "expected a kind and words");
    const std::string& kind = row.fields[0];
    const std::string stance = row.fields.size() > 2 ? row.fields[2] : "";
    if ((kind == "verb" || kind == "preposition") && stance != "says" && stance != "claims" &&
        stance != "denies" && stance != "confirms")
      throw DataError(where + "stance must be says, claims, denies or confirms");
    for (const auto& words : split_variants(row.fields[1])) {
      if (kind == "verb") {
        verbs_[words] = stance;
      } else if (kind == "preposition") {
        preposition_stances_.push_back(stance);
        prepositions_.add(words, static_cast<std::uint32_t>(preposition_stances_.size() - 1),
                          tokenizer);
      } else if (kind == "acts") {
        acts_.add(words, 0, tokenizer);
      } else if (kind == "pronoun") {
        pronouns_.insert(fold(words));
      } else if (kind == "relative") {
        relatives_.insert(fold(words));
      } else if (kind == "complementizer") {
        complementizers_.insert(fold(words));
      } else if (kind == "unproven") {
        unproven_.add(words, 0, tokenizer);
      } else {
        throw DataError(where + "unknown kind '" + kind + "'");
      }
    }
  }
}

void AttributionRecognizer::annotate(Document& doc) const {
  doc.attributions.clear();
  if (verbs_.empty() && prepositions_.empty()) return;

  // Who can speak: the actors, and countries standing as a subject (« Le Mali affirme »), which
  // speak through their government. A country after a preposition (« au Mali ») is a place.
  std::vector<ActorMention> speakers(doc.actors.begin(), doc.actors.end());
  if (gazetteer_) {
    std::vector<std::uint32_t> sentence_starts;
    for (const auto& s : doc.sentences) sentence_starts.push_back(s.first_token);
    std::size_t token = 0;
    for (const auto& p : doc.places) {
      if (p.precision != "country" || p.country.empty()) continue;
      const bool inside_actor = std::any_of(
          doc.actors.begin(), doc.actors.end(),
          [&](const auto& a) { return a.span.begin <= p.span.begin && p.span.end <= a.span.end; });
      if (inside_actor) continue;
      while (token < doc.tokens.size() && doc.tokens[token].span.end <= p.span.begin) ++token;
      // A subject opens its clause: « Le Mali affirme », « Les États-Unis, la France et… ».
      std::uint32_t k = static_cast<std::uint32_t>(token);
      if (k > 0 && doc.tokens[k - 1].pos == Pos::DET) --k;
      const bool opens_clause =
          k == 0 || doc.tokens[k - 1].kind == TokenKind::Punct ||
          doc.tokens[k - 1].pos == Pos::CCONJ ||
          std::binary_search(sentence_starts.begin(), sentence_starts.end(), k);
      if (!opens_clause) continue;
      const Country* country = gazetteer_->country(p.country);
      if (!country) continue;
      const Span span{doc.tokens[k].span.begin, p.span.end};
      speakers.push_back(actor_mention(kb_.generic(ActorKind::Government, country), span,
                                       "country as speaker: its government"));
    }
    std::stable_sort(
        speakers.begin(), speakers.end(),
        [](const ActorMention& a, const ActorMention& b) { return a.span.begin < b.span.begin; });
  }
  auto first_speaker_in = [&](std::uint32_t begin, std::uint32_t end) -> const ActorMention* {
    auto it =
        std::lower_bound(speakers.begin(), speakers.end(), begin,
                         [](const ActorMention& a, std::uint32_t at) { return a.span.begin < at; });
    return it != speakers.end() && it->span.begin < end ? &*it : nullptr;
  };

  // Verb groups by their main verb.
  std::unordered_map<std::uint32_t, const VerbGroup*> group_of_head;
  for (const auto& g : doc.verb_groups) group_of_head[g.head] = &g;

  std::optional<ActorMention> last_speaker;  // what « il » in « a-t-il dit » refers back to
  for (const auto& s : doc.sentences) {
    const std::uint32_t f = s.first_token, e = s.first_token + s.token_count;
    bool unproven = false;
    for (std::uint32_t i = f; i < e && !unproven; ++i)
      unproven = unproven_.longest_at(doc, i, e).has_value();
    auto text_of = [&](std::uint32_t i) { return doc.token_text(doc.tokens[i]); };
    auto clause_end_after = [&](std::uint32_t i) {
      while (i < e && !ends_clause(doc.tokens[i], text_of(i))) ++i;
      return i < e ? doc.tokens[i].span.begin : s.span.end;
    };

    for (std::uint32_t i = f; i < e; ++i) {
      if (auto m = prepositions_.longest_at(doc, i, e)) {
        AttributionMention a;
        const std::uint32_t last = i + m->length - 1;
        a.cue = {doc.tokens[i].span.begin, doc.tokens[last].span.end};
        a.stance = preposition_stances_[m->payload];
        a.claim = s.span;
        if (const ActorMention* who = first_speaker_in(a.cue.end, clause_end_after(last + 1)))
          a.speaker = *who;
        a.unproven = unproven;
        a.rule = "preposition: " + std::string(doc.slice(a.cue));
        if (a.speaker) last_speaker = a.speaker;
        doc.attributions.push_back(std::move(a));
        i = last;
        continue;
      }
      const Token& t = doc.tokens[i];
      if (t.kind != TokenKind::Word) continue;
      const auto verb = verbs_.find(t.lemma);
      if (verb == verbs_.end()) continue;
      const auto found = group_of_head.find(i);
      if (found == group_of_head.end()) continue;
      const VerbGroup& g = *found->second;
      if (g.negated || g.tense == Tense::Future) continue;

      AttributionMention a;
      a.cue = {doc.tokens[g.first].span.begin, doc.tokens[g.last].span.end};
      a.stance = verb->second;
      a.unproven = unproven;
      a.rule = "verb: " + t.lemma;
      const std::uint32_t after = g.last + 1;
      // A pronoun inside the group or just before it refers back (« a-t-il dit », "he said").
      std::optional<std::uint32_t> pronoun;
      for (std::uint32_t k = g.first > f ? g.first - 1 : f; k <= g.last; ++k) {
        if (pronouns_.count(doc.tokens[k].fold)) pronoun = k;
      }
      // The subject after the verb (« a déclaré le GSIM »), after a quote or a comma.
      const ActorMention* inverted = nullptr;
      if (g.first > f && (ends_clause(doc.tokens[g.first - 1], text_of(g.first - 1)) ||
                          is_closing_quote(text_of(g.first - 1)))) {
        const std::uint32_t near_end = std::min(after + 4, e);
        inverted = first_speaker_in(a.cue.end, doc.tokens[near_end - 1].span.end);
      }
      // Otherwise the subject is the first speaker of its clause: after the last closing quote,
      // and after the last comma when words stand between it and the verb (« …, a local
      // official said »), not when the comma closes an aside (« Le Mali, dominé par l'armée,
      // affirme »).
      std::uint32_t clause_begin = s.span.begin;
      bool after_quote = false;
      std::optional<std::uint32_t> comma;
      for (std::uint32_t k = f; k < g.first; ++k) {
        if (is_closing_quote(text_of(k))) {
          clause_begin = doc.tokens[k].span.end;
          after_quote = true;
        } else if (text_of(k) == "," && k + 1 < g.first) {
          clause_begin = doc.tokens[k].span.end;
          comma = k;
        }
      }
      // Words before that comma make a clause of their own when they hold a verb (« Des hommes
      // armés ont tué cinq villageois, a local official said »), not « Dimanche, l'armée… ».
      const auto first_group =
          std::lower_bound(doc.verb_groups.begin(), doc.verb_groups.end(), f,
                           [](const VerbGroup& v, std::uint32_t at) { return v.first < at; });
      const bool clause_before_comma =
          comma && first_group != doc.verb_groups.end() && first_group->last < *comma;
      // « …, a déclaré le GSIM dans un communiqué »: a verb after a comma or a quote closes
      // what was said, unless « que » or « avoir » opens more (« …, affirme que … »).
      const bool opens_more = after < e && (complementizers_.count(doc.tokens[after].fold) ||
                                            acts_.longest_at(doc, after, e).has_value());
      const bool verb_after_break =
          g.first > f && (ends_clause(doc.tokens[g.first - 1], text_of(g.first - 1)) ||
                          is_closing_quote(text_of(g.first - 1)));
      const bool passive = g.voice == Voice::Passive;
      if (passive) {
        // « rapportées par HRW »: the speaker follows.
        if (const ActorMention* who = first_speaker_in(a.cue.end, clause_end_after(after)))
          a.speaker = *who;
      } else if (inverted) {
        a.speaker = *inverted;
      } else if (pronoun && last_speaker) {
        a.speaker = *last_speaker;
        a.speaker->span = doc.tokens[*pronoun].span;
        a.speaker->rule = "refers back to " + last_speaker->name;
      } else if (g.first > f && relatives_.count(doc.tokens[g.first - 1].fold)) {
        // « des manifestants qui dénonçaient »: the speaker is what « qui » stands for, the
        // nearest actor before it.
        const ActorMention* nearest = nullptr;
        for (const auto& candidate : speakers) {
          if (candidate.span.end > doc.tokens[g.first - 1].span.begin) break;
          if (candidate.span.begin >= s.span.begin) nearest = &candidate;
        }
        if (nearest) a.speaker = *nearest;
      } else if (const ActorMention* who = first_speaker_in(clause_begin, a.cue.begin);
                 who && !(verb_after_break && !opens_more)) {
        // « …, a indiqué un élu local »: a verb right after a break has its subject after it.
        a.speaker = *who;
      }
      // What is attributed: the words after the verb, or, when the verb closes the sentence
      // (« …, a déclaré le GSIM. »), those before it.
      std::uint32_t words_after = 0;
      const std::uint32_t speaker_end =
          a.speaker && a.speaker->span.begin >= a.cue.end ? a.speaker->span.end : a.cue.end;
      for (std::uint32_t k = after; k < e; ++k) {
        if (doc.tokens[k].kind == TokenKind::Word && doc.tokens[k].span.begin >= speaker_end)
          ++words_after;
      }
      // « …, the Burkinabe army said in a statement »: a subject after a comma closes too.
      const bool comma_subject = clause_before_comma && a.speaker &&
                                 a.speaker->span.begin >= clause_begin &&
                                 a.speaker->span.end <= a.cue.begin;
      const bool closes = after_quote || verb_after_break || comma_subject;
      if (!passive && (opens_more || (words_after >= 2 && !closes))) {
        a.claim = {after < e ? doc.tokens[after].span.begin : a.cue.end, s.span.end};
      } else {
        const std::uint32_t claim_end =
            a.speaker && a.speaker->span.end <= a.cue.begin ? a.speaker->span.begin : a.cue.begin;
        a.claim = {s.span.begin, std::max(s.span.begin, claim_end)};
      }
      a.speaker_acts = a.stance == "claims" || (after < e && acts_.longest_at(doc, after, e));
      if (a.speaker && !passive) last_speaker = a.speaker;
      doc.attributions.push_back(std::move(a));
    }
  }
}

}  // namespace vigie
