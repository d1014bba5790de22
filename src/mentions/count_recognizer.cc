#include "mentions/count_recognizer.h"

#include <algorithm>
#include <cstdint>
#include <sstream>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

// How far an outcome may stand from its count: « six soldats maliens ont été tués » is 5 words,
// « trois soldats et deux civils ont été tués » 7.
constexpr std::uint32_t kMaxOutcomeDistance = 10;
// Words that may stand between a number and what it counts: "two innocent Malian civilians".
constexpr std::uint32_t kMaxModifiers = 2;

bool is_clause_break(const Token& t, std::string_view text) {
  return t.kind == TokenKind::Punct &&
         (text == ";" || text == ":" || text == "." || text == "(" || text == ")");
}

bool is_quote(std::string_view text) {
  return text == "\"" || text == "\u00AB" || text == "\u00BB" || text == "\u201C" ||
         text == "\u201D" || text == "'";
}

}  // namespace

CountRecognizer::CountRecognizer(const LanguagePack& pack)
    : adjectives_follow_nouns_(pack.adjectives_follow_nouns) {
  const auto file = pack.dir / "counts.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() < 2) throw DataError(where + "expected 2 fields at least");
    const std::string& kind = row.fields[0];
    if (kind == "who") {
      if (row.fields.size() < 3) throw DataError(where + "expected 3 fields");
      who_[fold(row.fields[1])] = row.fields[2];
    } else if (kind == "what") {
      if (row.fields.size() < 3) throw DataError(where + "expected 3 fields");
      const std::string flag = row.fields.size() > 3 ? row.fields[3] : "";
      if (!flag.empty() && flag != "transitive" && flag != "total")
        throw DataError(where + "unknown flag '" + flag + "' (transitive, total)");
      what_[fold(row.fields[1])] = {row.fields[2], flag == "transitive", flag == "total"};
    } else if (kind == "relative") {
      relatives_.insert(fold(row.fields[1]));
    } else if (kind == "participle_ending") {
      participle_endings_.push_back(fold(row.fields[1]));
    } else if (kind == "others") {
      others_.insert(fold(row.fields[1]));
    } else if (kind == "linker") {
      linkers_.insert(fold(row.fields[1]));
    } else if (kind == "outcome_linker") {
      outcome_linkers_.insert(fold(row.fields[1]));
    } else if (kind == "one") {
      ones_.insert(fold(row.fields[1]));
    } else if (kind == "subset") {
      std::vector<std::string> words;
      std::istringstream folded(fold(row.fields[1]));
      for (std::string w; folded >> w;) words.push_back(w);
      if (!words.empty()) subset_cues_.push_back(std::move(words));
    } else {
      throw DataError(where + "unknown kind '" + kind + "'");
    }
  }
}

const std::string* CountRecognizer::who_of(const Token& t) const {
  if (t.kind != TokenKind::Word) return nullptr;
  if (auto it = who_.find(fold(t.lemma)); it != who_.end()) return &it->second;
  if (auto it = who_.find(t.fold); it != who_.end()) return &it->second;
  return nullptr;
}

// The listed words, then any noun that names a person and heads its phrase ("the son of the
// chairman", "a former lawmaker"; not "innocent" in "innocent civilians").
const std::string* CountRecognizer::who_at(const Document& doc, std::uint32_t k) const {
  if (const std::string* who = who_of(doc.tokens[k])) return who;
  const Token& t = doc.tokens[k];
  if (!t.person || t.kind != TokenKind::Word) return nullptr;
  if (k + 1 < doc.tokens.size()) {
    const Token& next = doc.tokens[k + 1];
    if (next.pos == Pos::NOUN || who_of(next)) return nullptr;
  }
  static const std::string people = "people";
  return &people;
}

const CountRecognizer::Outcome* CountRecognizer::what_of(const Token& t) const {
  if (t.kind != TokenKind::Word) return nullptr;
  if (auto it = what_.find(fold(t.lemma)); it != what_.end()) return &it->second;
  if (auto it = what_.find(t.fold); it != what_.end()) return &it->second;
  return nullptr;
}

bool CountRecognizer::opens_clause(const Token& t) const {
  if (relatives_.count(t.fold)) return true;
  if (t.pos != Pos::VERB && t.pos != Pos::ADJ) return false;
  return std::any_of(participle_endings_.begin(), participle_endings_.end(),
                     [&](const std::string& ending) {
                       return t.fold.size() > ending.size() + 2 && t.fold.ends_with(ending);
                     });
}

// « un soldat a été tué », "a policeman was killed": the article counts one. It becomes a number
// only where a group follows it; those that count nothing are taken out again after the counts.
std::size_t CountRecognizer::add_articles(Document& doc) const {
  if (ones_.empty()) return 0;
  std::vector<NumberMention> articles;
  auto number = doc.numbers.begin();
  for (std::uint32_t k = 0; k + 1 < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (t.pos != Pos::DET || !ones_.count(t.fold)) continue;
    while (number != doc.numbers.end() && number->span.end <= t.span.begin) ++number;
    if (number != doc.numbers.end() && number->span.begin <= t.span.begin) continue;
    std::uint32_t noun = k + 1;
    // One more modifier than after a number: "a motorcycle taxi driver".
    // A group's acronym qualifies too: "a presumed AQMI militant".
    auto acronym = [&](const Token& modifier) {
      const std::string_view w = doc.token_text(modifier);
      return modifier.pos == Pos::PROPN && w.size() >= 2 &&
             std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    while (noun < doc.tokens.size() && noun < k + 2 + kMaxModifiers && !who_at(doc, noun) &&
           (doc.tokens[noun].pos == Pos::ADJ || acronym(doc.tokens[noun]) ||
            (doc.tokens[noun].pos == Pos::NOUN && !adjectives_follow_nouns_)))
      ++noun;
    // The counted word is a noun: in « un camp militaire », « militaire » qualifies the camp.
    if (noun >= doc.tokens.size() || !who_at(doc, noun) || doc.tokens[noun].pos != Pos::NOUN)
      continue;
    NumberMention n;
    n.span = t.span;
    n.best = 1;
    n.low = n.high = 1.0;
    n.rule = "<article> <who>";
    articles.push_back(std::move(n));
  }
  if (articles.empty()) return 0;
  std::vector<NumberMention> merged;
  merged.reserve(doc.numbers.size() + articles.size());
  std::merge(
      std::make_move_iterator(doc.numbers.begin()), std::make_move_iterator(doc.numbers.end()),
      std::make_move_iterator(articles.begin()), std::make_move_iterator(articles.end()),
      std::back_inserter(merged),
      [](const NumberMention& a, const NumberMention& b) { return a.span.begin < b.span.begin; });
  doc.numbers = std::move(merged);
  return articles.size();
}

void CountRecognizer::drop_unused_articles(Document& doc) const {
  std::vector<bool> used(doc.numbers.size(), false);
  for (const auto& c : doc.counts) used[c.number] = true;
  std::vector<std::uint32_t> new_index(doc.numbers.size());
  std::vector<NumberMention> kept;
  for (std::size_t k = 0; k < doc.numbers.size(); ++k) {
    if (doc.numbers[k].rule == "<article> <who>" && !used[k]) continue;
    new_index[k] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(doc.numbers[k]));
  }
  doc.numbers = std::move(kept);
  for (auto& c : doc.counts) c.number = new_index[c.number];
}

void CountRecognizer::annotate(Document& doc) const {
  doc.counts.clear();
  const bool articles = add_articles(doc) > 0;
  count(doc);
  if (articles) drop_unused_articles(doc);
  mark_subsets(doc);
}

// « Au moins 11 personnes, dont trois soldats, ont été tuées »: a count right after a subset cue,
// with another count before it in the sentence, is part of that one, not more of them.
void CountRecognizer::mark_subsets(Document& doc) const {
  if (subset_cues_.empty()) return;
  for (std::size_t k = 1; k < doc.counts.size(); ++k) {
    CountMention& c = doc.counts[k];
    const std::uint32_t first = doc.first_token_from(c.span.begin);
    const Sentence* sentence = doc.sentence_of(first);
    if (!sentence || doc.counts[k - 1].span.begin < doc.tokens[sentence->first_token].span.begin)
      continue;  // no count before it in its sentence
    for (const auto& cue : subset_cues_) {
      if (first < sentence->first_token + cue.size()) continue;
      bool match = true;
      for (std::size_t w = 0; w < cue.size() && match; ++w)
        match = doc.tokens[first - cue.size() + w].fold == cue[w];
      if (match) {
        c.subset = true;
        break;
      }
    }
    // « dont deux douaniers et sept civils », "including two officers and seven civilians": the
    // counts listed after the first part are parts too.
    const CountMention& before = doc.counts[k - 1];
    if (!c.subset && before.subset && first >= 1) {
      // (after the words of the part counted before: its span runs on to the outcome)
      const std::uint32_t counted_end =
          before.who_span.empty() ? doc.numbers[before.number].span.end : before.who_span.end;
      const std::uint32_t gap_first = doc.first_token_from(counted_end);
      if (gap_first > first) continue;
      bool listed = first - gap_first <= 1;
      for (std::uint32_t t = gap_first; t < first && listed; ++t) {
        const Token& w = doc.tokens[t];
        listed = w.pos == Pos::CCONJ || doc.token_text(w) == ",";
      }
      c.subset = listed;
    }
  }
}

void CountRecognizer::count(Document& doc) const {
  std::size_t sentence = 0, group_sentence = SIZE_MAX;
  std::string last_who;  // the group counted last in the sentence, for « cinq autres »
  Span last_who_span;
  for (std::uint32_t index = 0; index < doc.numbers.size(); ++index) {
    const NumberMention& n = doc.numbers[index];
    const auto first_token = std::lower_bound(
        doc.tokens.begin(), doc.tokens.end(), n.span.begin,
        [](const Token& t, std::uint32_t offset) { return t.span.begin < offset; });
    const auto i = static_cast<std::uint32_t>(first_token - doc.tokens.begin());
    while (sentence < doc.sentences.size() &&
           doc.sentences[sentence].first_token + doc.sentences[sentence].token_count <= i) {
      ++sentence;
    }
    if (sentence >= doc.sentences.size()) break;
    const std::uint32_t first = doc.sentences[sentence].first_token;
    const std::uint32_t end = first + doc.sentences[sentence].token_count;
    if (sentence != group_sentence) {
      last_who.clear();
      last_who_span = {};
      group_sentence = sentence;
    }
    std::uint32_t after = i;
    while (after < end && doc.tokens[after].span.end <= n.span.end) ++after;
    // « 40 "terroristes" »: quotes around what is counted do not count.
    while (after < end && doc.tokens[after].kind == TokenKind::Punct &&
           is_quote(doc.token_text(doc.tokens[after])))
      ++after;

    CountMention c;
    c.number = index;
    std::uint32_t j = after;
    // The counted noun: right after the number, maybe after « de » (« des dizaines de civils »)
    // and up to two modifiers ("innocent civilians", "Nigerien soldiers", "aid workers").
    if (j < end && linkers_.count(doc.tokens[j].fold)) ++j;
    std::uint32_t noun = j;
    while (noun < end && noun < j + kMaxModifiers && !who_at(doc, noun) &&
           (doc.tokens[noun].pos == Pos::ADJ || doc.tokens[noun].pos == Pos::PROPN ||
            doc.tokens[noun].pos == Pos::NOUN)) {
      if (others_.count(doc.tokens[noun].fold)) c.others = true;
      ++noun;
    }
    if (noun < end && who_at(doc, noun)) {
      j = noun;
    } else if (j > after && !others_.count(doc.tokens[j].fold)) {
      j = after;  // « de » led nowhere
    }
    if (j < end) {
      if (const std::string* who = who_at(doc, j)) {
        c.who = *who;
        c.who_span = doc.tokens[j].span;
        ++j;
      } else if (others_.count(doc.tokens[j].fold)) {
        c.others = true;
        c.who = last_who;  // « cinq autres blessés »: the group counted just before
        c.who_span = last_who_span;
        ++j;
      }
    }
    // The outcome after: « six soldats ont été tués », « 92 morts », "12 people were killed".
    // A clause on the group is passed over up to its end (« un citoyen russe opérant aux côtés
    // de soldats maliens avait été tué », « trois soldats, qui patrouillaient, ont été tués »).
    bool in_clause = false;
    std::uint32_t reach = j + kMaxOutcomeDistance;
    for (std::uint32_t k = j; k < end && k < reach; ++k) {
      const Token& t = doc.tokens[k];
      const bool right_after_group =
          k == j ||
          (k == j + 1 && (doc.tokens[j].pos == Pos::ADJ || doc.token_text(doc.tokens[j]) == ","));
      if (!c.who.empty() && !in_clause && right_after_group && !what_of(t) && opens_clause(t)) {
        in_clause = true;
        reach += kMaxOutcomeDistance;
        continue;
      }
      if (in_clause) {
        if (t.pos == Pos::AUX || (t.kind == TokenKind::Punct && doc.token_text(t) == ","))
          in_clause = false;
        else if (!is_clause_break(t, doc.token_text(t)))
          continue;
      }
      // A clause break, another number or a conjunction ends the search: in "killed 12 people
      // and abducted dozens", "abducted" is not what happened to the 12.
      // « trois soldats et deux civils ont été tués »: a conjunction before another count shares
      // the outcome that follows both.
      if (t.pos == Pos::CCONJ && index + 1 < doc.numbers.size() && k + 1 < end &&
          doc.numbers[index + 1].span.begin == doc.tokens[k + 1].span.begin) {
        std::uint32_t m = k + 1;
        while (m < end && doc.tokens[m].span.end <= doc.numbers[index + 1].span.end) ++m;
        if (m < end && who_at(doc, m)) {
          k = m;
          continue;
        }
      }
      if (is_clause_break(t, doc.token_text(t)) || t.kind == TokenKind::Number ||
          t.pos == Pos::CCONJ) {
        break;
      }
      if (const Outcome* what = what_of(t)) {
        // « Six soldats ont tué trois jihadistes », "six soldiers killed three militants": the
        // soldiers did it; "47 wounded", with no auxiliary and nothing after, were hurt.
        const VerbGroup* g = doc.verb_group_of(k);
        const bool object_follows =
            k + 1 < end &&
            (doc.tokens[k + 1].pos == Pos::DET || doc.tokens[k + 1].pos == Pos::NUM ||
             doc.tokens[k + 1].pos == Pos::NOUN || doc.tokens[k + 1].pos == Pos::PROPN ||
             doc.tokens[k + 1].kind == TokenKind::Number);
        if (what->transitive && g && g->voice == Voice::Active &&
            (g->first < g->head || object_follows))
          break;
        // "A soldier shot dead a civilian": an outcome after an active verb, with an object
        // after it, was done by the group, not to it.
        const VerbGroup* before = k > 0 && !g ? doc.verb_group_of(k - 1) : nullptr;
        if (before && before->voice == Voice::Active && object_follows) break;
        c.what = what->what;
        c.what_span = t.span;
        c.total = what->total;
        c.rule = c.who.empty() ? "<n> <outcome>" : "<n> <who> … <outcome>";
        break;
      }
      // Another noun is something else being counted (« cinq jours »), except one or two right
      // after the group, which qualify it (« deux casques bleus tchadiens »).
      const bool qualifies = !c.who.empty() && k < j + kMaxModifiers;
      if ((t.pos == Pos::NOUN || t.pos == Pos::PROPN) && !who_of(t) && !qualifies) break;
    }
    // Or before: « ont exécuté 300 civils », « la mort de six soldats », "killing 12 people".
    if (c.what.empty() && !c.who.empty() && i > first) {
      std::uint32_t k = i - 1;
      // « avoir « neutralisé » 203 djihadistes »: quotes around the verb do not count.
      while (k > first && doc.tokens[k].kind == TokenKind::Punct &&
             is_quote(doc.token_text(doc.tokens[k])))
        --k;
      if ((linkers_.count(doc.tokens[k].fold) || outcome_linkers_.count(doc.tokens[k].fold)) &&
          k > first)
        --k;
      if (const Outcome* what = what_of(doc.tokens[k])) {
        c.what = what->what;
        c.what_span = doc.tokens[k].span;
        c.rule = "<outcome> <n> <who>";
      }
    }
    if (!c.who.empty()) {
      last_who = c.who;
      last_who_span = c.who_span;
    }
    if (c.what.empty()) continue;
    c.span = {std::min(n.span.begin, c.what_span.begin),
              std::max({n.span.end, c.what_span.end, c.who_span.end})};
    doc.counts.push_back(std::move(c));
  }
}

}  // namespace vigie
