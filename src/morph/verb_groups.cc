// Verb groups: an auxiliary chain and its main verb as one unit with tense and voice
// (« ont exécuté »: past active; « a été tué »: past passive; "will be tried": future passive).
// Which forms are auxiliaries, and which verbs take the passive auxiliary in the perfect, is data
// (lang/xx/verb_groups.tsv).
#include <algorithm>

#include "morph/morph_analyzer.h"
#include "text/folding.h"

namespace vigie {
namespace {

bool has(std::string_view features, std::string_view f) {
  return features.find(f) != std::string::npos;
}

bool can_head(const Token& t) {
  return t.pos == Pos::VERB &&
         (has(t.features, "VerbForm=Part") || has(t.features, "VerbForm=Ger") ||
          has(t.features, "VerbForm=Inf") || has(t.features, "Tense=Past"));
}

Tense from_aux_tense(const std::string& tense, bool perfect) {
  if (tense == "present") return perfect ? Tense::Past : Tense::Present;
  if (tense == "imperfect") return perfect ? Tense::Pluperfect : Tense::Imperfect;
  if (tense == "past") return perfect ? Tense::Pluperfect : Tense::Past;
  if (tense == "future") return Tense::Future;
  if (tense == "conditional") return Tense::Conditional;
  return Tense::Unknown;
}

Tense simple_tense(std::string_view f) {
  if (has(f, "Mood=Cnd")) return Tense::Conditional;
  if (has(f, "Tense=Fut")) return Tense::Future;
  if (has(f, "Tense=Imp")) return Tense::Imperfect;
  if (has(f, "Tense=Past")) return Tense::Past;
  if (has(f, "Tense=Pres")) return Tense::Present;
  return Tense::Unknown;
}

}  // namespace

std::uint32_t MorphAnalyzer::aside_at(const Document& doc, std::uint32_t at,
                                      std::uint32_t end) const {
  for (const auto& words : pack_.verb_group_asides) {
    if (at + words.size() > end) continue;
    bool match = true;
    for (std::size_t k = 0; k < words.size() && match; ++k)
      match = doc.tokens[at + k].fold == words[k];
    if (match) return static_cast<std::uint32_t>(words.size());
  }
  return 0;
}

void MorphAnalyzer::find_verb_groups(Document& doc, const Sentence& sentence) {
  const std::uint32_t end = sentence.first_token + sentence.token_count;
  auto is_aux = [&](const Token& t) {
    if (t.pos != Pos::VERB && t.pos != Pos::AUX) return false;
    auto it = pack_.auxiliaries.find(t.fold);
    return it != pack_.auxiliaries.end() && it->second.lemma == t.lemma;
  };
  // A negator within three words before the group or two after it, not across punctuation:
  // in « qui ne parlaient pas français, ont exécuté », the « pas » belongs to the relative clause.
  auto negator_near = [&](std::uint32_t first, std::uint32_t last) {
    auto is_negator = [&](std::uint32_t k) { return pack_.negators.count(doc.tokens[k].fold) > 0; };
    for (std::uint32_t k = first; k > sentence.first_token && first - k < 3;) {
      --k;
      if (doc.tokens[k].kind == TokenKind::Punct) break;
      if (is_negator(k)) return true;
    }
    for (std::uint32_t k = first; k < std::min(end, last + 2); ++k) {
      if (k > last && doc.tokens[k].kind == TokenKind::Punct) break;
      if (is_negator(k)) return true;
    }
    return false;
  };

  for (std::uint32_t i = sentence.first_token; i < end; ++i) {
    Token& first = doc.tokens[i];
    if (is_aux(first)) {
      std::vector<std::uint32_t> auxes{i};
      std::uint32_t j = i + 1;
      std::optional<std::uint32_t> head;
      for (; j < end && j <= i + 6; ++j) {
        const Token& t = doc.tokens[j];
        if (is_aux(t)) {
          auxes.push_back(j);
          continue;
        }
        if (can_head(t)) {
          head = j;
          break;
        }
        // Adverbs, negation and clitics may stand inside a group (« a-t-il dit »); anything
        // else ends it.
        const bool clitic = t.pos == Pos::PRON && !t.fold.empty() && t.fold.front() == '-';
        if (const std::uint32_t n = aside_at(doc, j, end)) {
          j += n - 1;  // « a pour sa part annoncé »
          continue;
        }
        if (t.pos != Pos::ADV && t.pos != Pos::PART && !clitic && !pack_.negators.count(t.fold))
          break;
      }
      // « il a été » with no participle after it: the last auxiliary is the verb itself.
      if (!head && auxes.size() > 1 && can_head(doc.tokens[auxes.back()])) {
        head = auxes.back();
        auxes.pop_back();
      }
      if (head) {
        const Token& main = doc.tokens[*head];
        const Token& last_aux = doc.tokens[auxes.back()];
        const bool reflexive =
            i > sentence.first_token && pack_.reflexives.count(doc.tokens[i - 1].fold);
        const bool passive = pack_.passive_auxiliary_lemmas.count(last_aux.lemma) &&
                             has(main.features, "Tense=Past") && !reflexive &&
                             !pack_.perfect_with_passive_auxiliary.count(main.lemma);
        // Perfect: "avoir"/"have" in the chain, or an active verb with « être » (« il est mort »).
        const bool has_perfect_aux = std::any_of(auxes.begin(), auxes.end(), [&](std::uint32_t a) {
          return pack_.perfect_auxiliary_lemmas.count(doc.tokens[a].lemma) > 0;
        });
        const bool perfect =
            has_perfect_aux || (pack_.passive_auxiliary_lemmas.count(first.lemma) && !passive &&
                                has(main.features, "Tense=Past"));
        VerbGroup g;
        g.first = i;
        g.last = *head;
        g.head = *head;
        g.voice = passive ? Voice::Passive : Voice::Active;
        g.tense = from_aux_tense(pack_.auxiliaries.at(first.fold).tense, perfect);
        g.negated = negator_near(i, *head);
        for (auto a : auxes) doc.tokens[a].pos = Pos::AUX;
        doc.verb_groups.push_back(g);
        i = *head;
        continue;
      }
    }
    // A verb with tense and no auxiliary: « tua », "attacked" (English -ed forms count as
    // finite here; reduced relatives such as "civilians killed" are read the same way).
    const bool non_finite = has(first.features, "VerbForm=Part") ||
                            has(first.features, "VerbForm=Inf") ||
                            has(first.features, "VerbForm=Ger");
    // A bare form right after its subject is a present tense ("rebels control the road"); after
    // "to", a modal or a preposition it stays an infinitive.
    const Pos before = i > sentence.first_token ? doc.tokens[i - 1].pos : Pos::PUNCT;
    // The same holds for a form read as an imperative (« Le Mali affirme »).
    const bool after_subject = before == Pos::NOUN || before == Pos::PROPN || before == Pos::PRON;
    const bool bare_present =
        first.pos == Pos::VERB && after_subject &&
        (has(first.features, "VerbForm=Inf") || has(first.features, "Mood=Imp"));
    if (first.pos == Pos::VERB &&
        ((has(first.features, "Tense=") && !non_finite) || bare_present)) {
      VerbGroup g;
      g.first = g.last = g.head = i;
      g.tense = bare_present ? Tense::Present : simple_tense(first.features);
      g.negated = negator_near(i, i);
      doc.verb_groups.push_back(g);
    }
  }
}

}  // namespace vigie
