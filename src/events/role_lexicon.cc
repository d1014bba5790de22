#include "events/role_lexicon.h"

#include <algorithm>
#include <filesystem>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {

RoleLexicon::RoleLexicon(const LanguagePack& pack, Tokenizer& tokenizer) {
  const auto file = pack.dir / "roles.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 2) throw DataError(where + "expected a kind and words");
    const std::string& kind = row.fields[0];
    for (const std::string& words : split_variants(row.fields[1])) {
      if (kind == "agent") {
        cues_.add(words, static_cast<std::uint32_t>(RoleCue::Agent), tokenizer);
      } else if (kind == "target") {
        cues_.add(words, static_cast<std::uint32_t>(RoleCue::Target), tokenizer);
      } else if (kind == "with") {
        cues_.add(words, static_cast<std::uint32_t>(RoleCue::With), tokenizer);
      } else if (kind == "of") {
        cues_.add(words, static_cast<std::uint32_t>(RoleCue::Of), tokenizer);
      } else if (kind == "clause_break") {
        clause_breaks_.insert(fold(words));
      } else if (kind == "subordinator") {
        subordinators_.insert(fold(words));
      } else if (kind == "same_incident") {
        same_incident_.add(words, 0, tokenizer);
      } else if (kind == "between") {
        cues_.add(words, static_cast<std::uint32_t>(RoleCue::Between), tokenizer);
      } else if (kind == "negative") {
        negative_.insert(fold(words));
      } else if (kind == "seize") {
        seize_.insert(words);
      } else if (kind == "oppose") {
        oppose_.insert(words);
      } else if (kind == "undergo") {
        undergo_.insert(words);
      } else if (kind == "first_person") {
        first_person_.insert(fold(words));
      } else if (kind == "refers_back") {
        refers_back_.insert(fold(words));
      } else if (kind == "another") {
        another_.insert(fold(words));
      } else if (kind == "territory") {
        territory_.insert(fold(words));
      } else if (kind == "civilian_target") {
        civilian_targets_.insert(words);
        civilian_targets_.insert(fold(words));
      } else if (kind == "unrealized") {
        unrealized_.insert(fold(words));
      } else if (kind == "infinitive_marker") {
        infinitive_markers_.insert(fold(words));
      } else if (kind == "purpose") {
        purpose_.insert(fold(words));
      } else if (kind == "aim") {
        aim_.insert(words);
      } else if (kind == "plans") {
        plans_.insert(words);
      } else if (kind == "unarmed_doer") {
        unarmed_doers_.insert(fold(words));
      } else if (kind == "reciprocal") {
        reciprocal_.insert(words);
      } else if (kind == "other_side") {
        other_side_.insert(fold(words));
      } else if (kind == "armed_word") {
        armed_words_.insert(fold(words));
      } else {
        throw DataError(where + "unknown kind '" + kind + "'");
      }
    }
  }
}

RoleCue RoleLexicon::cue_before(const Document& doc, std::uint32_t at, std::uint32_t from) const {
  // A quantity stands between a cue and what it counts (« menée par des dizaines d'hommes
  // armés », "carried out by dozens of gunmen"): the cue is read before the quantity.
  if (at > from) {
    // The last number that starts before the word (numbers are sorted by position), if it ends
    // at most an elided « d' » / "of" before it.
    const std::uint32_t before = doc.tokens[at - 1].span.end;
    auto n = std::upper_bound(
        doc.numbers.begin(), doc.numbers.end(), before,
        [](std::uint32_t pos, const NumberMention& m) { return pos <= m.span.begin; });
    if (n != doc.numbers.begin() && (n - 1)->span.end <= before &&
        before - (n - 1)->span.end <= 4) {
      const std::uint32_t start = (n - 1)->span.begin;
      std::uint32_t k = at - 1;
      while (k > from && doc.tokens[k].span.begin > start) --k;
      if (doc.tokens[k].span.begin == start) at = k;
    }
  }
  for (int adjectives = 0; adjectives < 2 && at > from && doc.tokens[at - 1].pos == Pos::ADJ;
       ++adjectives)
    --at;
  for (std::uint32_t length = kLongestCue; length >= 1; --length) {
    if (at < from + length) continue;
    const std::uint32_t start = at - length;
    if (auto m = cues_.longest_at(doc, start, at); m && m->length == length)
      return static_cast<RoleCue>(m->payload);
  }
  return RoleCue::None;
}

bool RoleLexicon::tells_again(const Document& doc, std::uint32_t first, std::uint32_t end) const {
  for (std::uint32_t k = first; k < end; ++k) {
    if (same_incident_.longest_at(doc, k, end)) return true;
  }
  return false;
}

}  // namespace vigie
