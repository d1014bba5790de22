#include "morph/morph_analyzer.h"

#include <unicode/uchar.h>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

bool has_feature(std::string_view features, std::string_view f) {
  return features.find(f) != std::string::npos;
}

// Context: what the previous word, and the likeliest reading of the next one, make likely.
// Scores add to the candidate's prior.
float context_score(const Candidate& c, Pos prev_pos, std::string_view prev_lemma,
                    bool prev_is_auxiliary, bool prev_is_modal, Pos next_hint,
                    bool adjectives_follow_nouns) {
  float s = 0;
  if (c.pos == Pos::ADJ && next_hint == Pos::NOUN) s += adjectives_follow_nouns ? 0.2f : 0.4f;
  if (c.pos == Pos::VERB && (next_hint == Pos::DET || next_hint == Pos::NUM)) s += 0.6f;
  if (c.pos == Pos::NOUN && next_hint == Pos::DET) s -= 0.3f;
  switch (prev_pos) {
    case Pos::DET:
      if (c.pos == Pos::NOUN) s += 1.5f;
      if (c.pos == Pos::ADJ) s += 0.8f;
      if (c.pos == Pos::VERB || c.pos == Pos::AUX) s -= 1.5f;
      break;
    case Pos::PRON:
      if (c.pos == Pos::VERB || c.pos == Pos::AUX) s += 1.5f;
      if (c.pos == Pos::NOUN) s -= 1.0f;
      break;
    case Pos::ADJ:
      if (c.pos == Pos::NOUN) s += 0.5f;
      break;
    case Pos::NOUN:
    case Pos::PROPN:
      if (c.pos == Pos::ADJ) s += adjectives_follow_nouns ? 0.3f : -0.3f;
      if (c.pos == Pos::VERB) s += 0.2f;
      break;
    case Pos::ADP:
      if (c.pos == Pos::NOUN || c.pos == Pos::PROPN || c.pos == Pos::DET) s += 0.5f;
      if (c.pos == Pos::VERB && has_feature(c.features, "VerbForm=Inf")) s += 0.8f;
      if (c.pos == Pos::VERB && !has_feature(c.features, "VerbForm=")) s -= 0.5f;
      break;
    case Pos::PART:
      if (prev_lemma == "to" && c.pos == Pos::VERB) s += 1.5f;
      break;
    default:
      break;
  }
  const bool past_non_finite = c.pos == Pos::VERB && has_feature(c.features, "Tense=Past") &&
                               !has_feature(c.features, "VerbForm=Fin");
  if (prev_is_auxiliary && (past_non_finite || has_feature(c.features, "VerbForm=Ger"))) s += 2.0f;
  // After a modal or "do" ("will vote", "did not claim"), the bare verb.
  if (prev_is_modal && c.pos == Pos::VERB && has_feature(c.features, "VerbForm=Inf")) s += 1.5f;
  if (prev_is_auxiliary && c.pos == Pos::VERB && has_feature(c.features, "VerbForm=Inf")) s += 1.0f;
  return s;
}

}  // namespace

MorphAnalyzer::MorphAnalyzer(const LanguagePack& pack) : pack_(pack) {
  lexicon_ =
      pack.morphology == "hunspell" ? make_hunspell_lexicon(pack) : make_wordnet_lexicon(pack);
}

MorphAnalyzer::~MorphAnalyzer() = default;

Candidates MorphAnalyzer::lookup_candidates(const std::string& form, bool sentence_initial) {
  Candidates out;
  const std::string low = lower(form);
  const bool capitalised = starts_upper(form);

  if (auto it = pack_.function_words.find(low); it != pack_.function_words.end()) {
    for (const auto& w : it->second) out.push_back({w.lemma, w.pos, w.features, 2.0f});
  }
  if (auto it = pack_.lemma_overrides.find(low); it != pack_.lemma_overrides.end() && out.empty()) {
    for (auto c : lexicon_->lookup(it->second)) {
      c.lemma = it->second;
      out.push_back(std::move(c));
    }
    if (out.empty()) out.push_back({it->second, Pos::NOUN, "", 1.0f});
  }
  if (out.empty()) {
    const bool known_name = capitalised && lexicon_->is_proper_noun(form);
    if (!capitalised || sentence_initial || !known_name) out = lexicon_->lookup(low);
    // An auxiliary's form is first of all the auxiliary: « est » before « l'est du pays ».
    if (auto aux = pack_.auxiliaries.find(fold(form)); aux != pack_.auxiliaries.end()) {
      for (auto& c : out) {
        if (c.lemma == aux->second.lemma && c.pos == Pos::VERB) c.prior += 1.0f;
      }
    }
    if (capitalised) {
      // Mid-sentence capitals are names (lemma as written) unless only the lower-case word
      // exists and the form is a sentence start.
      // A sentence's first word is a name when the dictionary lists it only as one ("Ohio").
      const float name_prior = sentence_initial ? (out.empty()  ? 1.5f
                                                   : known_name ? 2.5f
                                                                : 0.5f)
                                                : 3.0f;
      out.push_back({form, Pos::PROPN, "", name_prior});
    }
  }
  if (out.empty()) out.push_back({low, Pos::NOUN, "", 0.1f});  // unknown lower-case word
  return out;
}

const Analyses& MorphAnalyzer::analyses(std::string_view form, bool sentence_initial) {
  Cache& cache = sentence_initial ? initial_cache_ : cache_;
  if (auto it = cache.find(form); it != cache.end()) return it->second;
  const std::string key(form);
  Analyses a;
  a.fold = fold(key);
  a.candidates = lookup_candidates(key, sentence_initial);
  const Candidate* best = &a.candidates.front();
  for (const auto& c : a.candidates) {
    if (c.prior > best->prior) best = &c;
  }
  a.likeliest = best->pos;
  a.auxiliary_form = pack_.auxiliaries.count(a.fold) > 0;
  return cache.emplace(key, std::move(a)).first->second;
}

void MorphAnalyzer::analyze_sentence(Document& doc, const Sentence& sentence) {
  const std::uint32_t first = sentence.first_token;
  const std::uint32_t end = first + sentence.token_count;
  // Analyses of every word first: each token's choice looks at the next one's likeliest reading.
  sentence_analyses_.assign(sentence.token_count, nullptr);
  bool initial = true;
  for (std::uint32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::Word)
      sentence_analyses_[i - first] = &analyses(doc.token_text(t), initial);
    // Quotes and brackets opening a sentence keep the next word "initial".
    initial = initial && t.kind != TokenKind::Word && t.kind != TokenKind::Number;
  }

  Pos prev_pos = Pos::PUNCT;
  std::string_view prev_lemma;
  bool prev_aux = false;    // a perfect or passive auxiliary: a participle may follow
  bool prev_modal = false;  // another auxiliary ("will", "can", "did"): a bare verb may follow
  for (std::uint32_t i = first; i < end; ++i) {
    Token& t = doc.tokens[i];
    const Analyses* a = sentence_analyses_[i - first];
    t.fold = a ? a->fold : fold(doc.token_text(t));
    switch (t.kind) {
      case TokenKind::Punct:
        t.pos = Pos::PUNCT;
        t.lemma = doc.token_text(t);
        break;
      case TokenKind::Symbol:
        t.pos = Pos::SYM;
        t.lemma = doc.token_text(t);
        break;
      case TokenKind::Number:
        t.pos = Pos::NUM;
        t.lemma = doc.token_text(t);
        break;
      case TokenKind::Word: {
        Pos next_hint = Pos::PUNCT;
        if (i + 1 < end) {
          const Token& next = doc.tokens[i + 1];
          if (next.kind == TokenKind::Number)
            next_hint = Pos::NUM;
          else if (next.kind == TokenKind::Word)
            next_hint = sentence_analyses_[i + 1 - first]->likeliest;
        }
        const Candidate* best = &a->candidates.front();
        float best_score = -1e9f;
        for (const auto& c : a->candidates) {
          const float s = c.prior + context_score(c, prev_pos, prev_lemma, prev_aux, prev_modal,
                                                  next_hint, pack_.adjectives_follow_nouns);
          if (s > best_score) {
            best_score = s;
            best = &c;
          }
        }
        t.pos = best->pos;
        t.lemma = best->lemma;
        t.features = best->features;
        t.person = t.pos == Pos::NOUN && lexicon_->is_person(t.lemma);
        if (t.pos == Pos::PROPN) t.name = lexicon_->name_senses(std::string(doc.token_text(t)));
        break;
      }
    }
    if (t.pos == Pos::ADV || t.pos == Pos::PUNCT) {
      // Adverbs and negation sit between an auxiliary and its participle: keep the context.
      if (t.pos == Pos::PUNCT) prev_aux = prev_modal = false;
      continue;
    }
    const bool auxiliary = a && a->auxiliary_form && (t.pos == Pos::AUX || t.pos == Pos::VERB);
    prev_aux = auxiliary && (pack_.perfect_auxiliary_lemmas.count(t.lemma) ||
                             pack_.passive_auxiliary_lemmas.count(t.lemma));
    prev_modal = auxiliary && !prev_aux;
    prev_pos = t.pos;
    prev_lemma = t.lemma;
  }
}

void MorphAnalyzer::annotate(Document& doc) {
  for (const auto& s : doc.sentences) analyze_sentence(doc, s);
  doc.verb_groups.clear();
  for (const auto& s : doc.sentences) find_verb_groups(doc, s);
}

}  // namespace vigie
