#include "events/relevance.h"

#include <algorithm>
#include <filesystem>

#include "events/event_kinds.h"
#include "util/tsv.h"

namespace vigie {
namespace {

// Parties whose violence is political by who they are: armies, rebels, militias, foreign forces
// and groups named by the text. Police, unnamed gunmen and crowds are not enough by themselves.
bool armed_party(const std::optional<ActorField>& a) {
  return a && (a->type == "rebel_group" || a->type == "political_militia" ||
               a->type == "identity_militia" || a->type == "external_other" ||
               (a->type == "state_forces" && a->name.rfind("Military Forces", 0) == 0));
}

// The same, named by the text as a group: ACLED's defaults for unnamed sides, and "the attacker"
// or "a gunman" (Unidentified Armed Group), say nothing about who struck.
bool named_armed_party(const std::optional<ActorField>& a) {
  return armed_party(a) && a->span && a->name.rfind("Unidentified", 0) != 0;
}

// The country the event happened in: its place's, else its sides' (the document's country).
std::optional<std::string> event_country(const EventRecord& e) {
  if (e.location && e.location->country) return e.location->country;
  if (e.actor1 && e.actor1->country) return e.actor1->country;
  if (e.actor2 && e.actor2->country) return e.actor2->country;
  return std::nullopt;
}

// "where he was killed 4 years ago": how far after an event word a background cue reaches.
constexpr std::uint32_t kHistoryReach = 6;  // words

// The headline and the two sentences after it.
constexpr std::size_t kLeadSentences = 3;

}  // namespace

Relevance::Relevance(const LanguagePack& pack, Tokenizer& tokenizer, const EventTaxonomy& taxonomy)
    : taxonomy_(taxonomy) {
  const auto file = pack.dir / "relevance.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 2) throw DataError(where + "expected a kind and words");
    const auto k = kind_named(row.fields[0]);
    if (!k) throw DataError(where + "unknown kind '" + row.fields[0] + "'");
    // Cues of protest have a matcher of their own: "protest" is one and a political cue too.
    PhraseMatcher& matcher = *k == kProtestCue ? protest_cues_ : cues_;
    for (const std::string& words : split_variants(row.fields[1]))
      matcher.add(words, *k, tokenizer);
  }
}

std::optional<Relevance::Kind> Relevance::kind_named(std::string_view name) {
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {{"accident", kAccident},
                                                                 {"court", kCourt},
                                                                 {"crime", kCrime},
                                                                 {"sport", kSport},
                                                                 {"protest_cue", kProtestCue},
                                                                 {"political", kPolitical},
                                                                 {"armed_deed", kArmedDeed},
                                                                 {"background", kBackground},
                                                                 {"trial", kTrial}};
  for (const auto& [n, k] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::optional<Relevance::Kind> Relevance::first_cue(const Document& doc, const Sentence& sentence,
                                                    std::initializer_list<Kind> kinds) const {
  const std::uint32_t end = sentence.first_token + sentence.token_count;
  return first_cue_starting(doc, sentence.first_token, end, end, kinds);
}

std::optional<Relevance::Kind> Relevance::first_cue_starting(
    const Document& doc, std::uint32_t first, std::uint32_t last_start, std::uint32_t end,
    std::initializer_list<Kind> kinds) const {
  const bool protest = std::find(kinds.begin(), kinds.end(), kProtestCue) != kinds.end();
  const PhraseMatcher& matcher = protest ? protest_cues_ : cues_;
  for (std::uint32_t k = first; k < last_start; ++k) {
    if (auto m = matcher.longest_at(doc, k, end)) {
      const auto kind = static_cast<Kind>(m->payload);
      if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return kind;
    }
  }
  return std::nullopt;
}

bool Relevance::political_lead(const Document& doc) const {
  const std::size_t n = std::min(kLeadSentences, doc.sentences.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (first_cue(doc, doc.sentences[i], {kPolitical})) return true;
  }
  return false;
}

bool Relevance::recalls_history(const Document& doc, const Sentence& sentence,
                                std::uint32_t word) const {
  const std::uint32_t end = sentence.first_token + sentence.token_count;
  return first_cue_starting(doc, word + 1, std::min(end, word + 1 + kHistoryReach), end,
                            {kBackground})
      .has_value();
}

bool Relevance::protest_cue(const Document& doc, const Sentence& sentence) const {
  return first_cue(doc, sentence, {kProtestCue}).has_value();
}

std::optional<std::string> Relevance::irrelevant(const Document& doc, const Sentence& sentence,
                                                 const EventRecord& event) const {
  if (event.event_type == "Protests") return std::nullopt;
  if (event.event_type == "Riots") {
    // A demonstration that turned violent is political by what it is; a mob's violence is so
    // only where ACLED codes violence without a side.
    if (event.sub_event_type != "Mob violence") return std::nullopt;
    return out_of_scope(doc, sentence, event);
  }
  const bool violent = is_violent(event.event_type);
  const bool explosion = event.event_type == "Explosions/Remote violence";
  // Violence the coding scope applies to: a bomb that went off is no police blotter anywhere.
  const bool scoped = violent && !explosion;
  const bool arrest = event.sub_event_type == "Arrests";
  if (!violent && !arrest && event.event_type != "Strategic developments") return std::nullopt;
  // Violence told at a trial is no news of an event, whoever the defendant.
  if (violent && first_cue(doc, sentence, {kTrial}))
    return "a trial or a plea, not an event ACLED codes";
  // An armed side keeps it, but "the attacker" or "a gunman" is no armed group where ACLED codes
  // only political violence.
  if (armed_party(event.actor1) || armed_party(event.actor2))
    return scoped ? out_of_scope(doc, sentence, event) : std::nullopt;
  // Protesters, rioters and mobs are political by what they do; an arrest is political by whom
  // it takes (activists, journalists, opposition members, militants). Armed men, a bomb or an
  // abduction keep it too, except where ACLED codes only political violence.
  if (const auto cue = first_cue(doc, sentence, {kPolitical, kArmedDeed}))
    return *cue == kArmedDeed && scoped ? out_of_scope(doc, sentence, event) : std::nullopt;
  // A bomb that went off is no police blotter: only an accident ("a gas leak") unmakes it.
  if (auto cue = explosion ? first_cue(doc, sentence, {kAccident})
                           : first_cue(doc, sentence, {kAccident, kCourt, kSport, kCrime})) {
    switch (*cue) {
      case kAccident:
        return "an accident or a disaster, not violence by anyone";
      case kCourt:
        return "a court case or a criminal charge, not an event ACLED codes";
      case kSport:
        return "sport, not violence";
      default:
        return "ordinary crime with no armed group or political side named";
    }
  }
  // An arrest with no political side is police routine; seizures, surrenders and property
  // destruction with no armed or political side are a police blotter's.
  if (arrest) return "an arrest with no political side named (activists, militants, opposition)";
  if (event.event_type == "Strategic developments" && event.sub_event_type != "Agreement")
    return "a strategic development with no armed or political side named";
  return scoped ? out_of_scope(doc, sentence, event) : std::nullopt;
}

std::optional<std::string> Relevance::out_of_scope(const Document& doc, const Sentence& sentence,
                                                   const EventRecord& event) const {
  if (named_armed_party(event.actor1) || named_armed_party(event.actor2)) return std::nullopt;
  const auto country = event_country(event);
  if (!country || !taxonomy_.violence_needs_a_side(*country)) return std::nullopt;
  // Unless most of the text's places lie in such countries, it may be read in the wrong one
  // ("Malabar, Arima": Florida's Malabar, Trinidad's Arima): its violence stays.
  std::size_t placed = 0, in_scope = 0;
  for (const PlaceMention& p : doc.places) {
    if (p.country.empty()) continue;
    ++placed;
    in_scope += taxonomy_.violence_needs_a_side(p.country);
  }
  if (placed > 0 && 2 * in_scope <= placed) return std::nullopt;
  if (first_cue(doc, sentence, {kPolitical}) || political_lead(doc)) return std::nullopt;
  return "violence with no armed group or political side named, in a country where ACLED codes "
         "none without one (" +
         *country + ", data/coding_scope.tsv)";
}

}  // namespace vigie
