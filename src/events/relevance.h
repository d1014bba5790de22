#pragma once
// Whether a candidate is an event ACLED codes: political violence, demonstrations and strategic
// developments, not an accident, a court case, ordinary crime or sport told with the same words
// ("killed in a crash", "charged with assault", "the team's attack"). The cues are data
// (lang/<code>/relevance.tsv); the rules are in docs/events.md ("Relevance").
#include <optional>
#include <string>
#include <string_view>

#include "document/document.h"
#include "lang/language_pack.h"
#include "mentions/event_taxonomy.h"
#include "mentions/phrase_matcher.h"
#include "output/event_record.h"

namespace vigie {

class Tokenizer;

class Relevance {
 public:
  /// Reads lang/<code>/relevance.tsv (an absent file keeps everything); `taxonomy` says where
  /// ACLED codes violence only with an armed or political side (data/coding_scope.tsv).
  Relevance(const LanguagePack& pack, Tokenizer& tokenizer, const EventTaxonomy& taxonomy);

  /// Why the event built from `sentence` is not one ACLED codes, or nothing when it is.
  std::optional<std::string> irrelevant(const Document& doc, const Sentence& sentence,
                                        const EventRecord& event) const;

  /// Whether the sentence holds a word that makes a gathering a protest ("against",
  /// "demanding", « contre », « pour exiger »): the cue `cued` event words need.
  bool protest_cue(const Document& doc, const Sentence& sentence) const;

  /// Whether a few words after the event word at token `word` recall it from years before
  /// ("killed 4 years ago", "over four decades"): history, not news. Another event word of the
  /// sentence (the memorial rally) may still be the event.
  bool recalls_history(const Document& doc, const Sentence& sentence, std::uint32_t word) const;

 private:
  enum Kind : std::uint32_t {
    kAccident,
    kCourt,
    kCrime,
    kSport,
    kProtestCue,
    kPolitical,
    kArmedDeed,
    kBackground,
    kTrial
  };
  /// The kind a relevance.tsv row names, if any.
  static std::optional<Kind> kind_named(std::string_view name);
  /// The first cue of one of `kinds` in the sentence (protest cues are asked for alone).
  std::optional<Kind> first_cue(const Document& doc, const Sentence& sentence,
                                std::initializer_list<Kind> kinds) const;
  /// The same among cues starting at tokens [first, last_start) and ending by token `end`.
  std::optional<Kind> first_cue_starting(const Document& doc, std::uint32_t first,
                                         std::uint32_t last_start, std::uint32_t end,
                                         std::initializer_list<Kind> kinds) const;
  /// Whether the headline or the first sentences of the text hold a political cue: the story
  /// is about a side ("terror attack", "militants", "protesters") even where the event's own
  /// sentence does not say it.
  bool political_lead(const Document& doc) const;
  /// Why violence with no side named is out of ACLED's scope in the event's country
  /// (data/coding_scope.tsv), or nothing.
  std::optional<std::string> out_of_scope(const Document& doc, const Sentence& sentence,
                                          const EventRecord& event) const;

  PhraseMatcher cues_;          // every kind but protest_cue
  PhraseMatcher protest_cues_;  // protest_cue: asked for on its own
  const EventTaxonomy& taxonomy_;
};

}  // namespace vigie
