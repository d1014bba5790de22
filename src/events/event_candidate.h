#pragma once
// An event as the builder finds it in one sentence, with what the merging of repeated mentions
// and `vigie explain` need to know about it.
#include <cstddef>
#include <string>
#include <vector>

#include "document/span.h"
#include "output/event_record.h"

namespace vigie {

struct EventCandidate {
  EventRecord record;
  std::size_t sentence = 0;  ///< index of the sentence of the event word
  Span trigger;              ///< the event word, in bytes
  std::string trigger_text;
  std::string trigger_rule;
  /// Names something only one incident has: a place below the country, a day or a week, or a
  /// death toll. An event without one is a repeat or a general statement (docs/events.md).
  bool anchored = false;
  bool repeat = false;  ///< « cette attaque », "this attack": an event already told
  std::vector<Span> sentences;
  bool refers_back = false;  ///< « cette attaque » (a repeat by its determiner)
  bool headline = false;     ///< the article's headline
  bool brief = false;        ///< the document is a brief: it reports one thing (docs/events.md)
  bool generic = false;      ///< the event word names no kind (« tués », "attack")
  bool toll = false;         ///< the event word is a toll's noun ("3 fatalities.")
  bool summary = false;      ///< a counted event noun as subject ("Three explosions occurred")
  bool mutual = false;       ///< sides that fight each other ("clashed", « affrontements »)
  bool another = false;      ///< « une autre frappe », "another attack": never one told before
  bool weak = false;  ///< violence or arrest with no one named or counted: may repeat, not stand
  bool more_dead = false;  ///< its toll counts others than those told before (CountMention::others)
  std::vector<std::string> killed;   ///< the groups counted dead ("" when not said)
  std::vector<std::string> reasons;  ///< "field: why", for `vigie explain`
};

/// An event word that gave no record, and why (`vigie explain` lists them, so an analyst sees
/// what was left out: negated, announced, background, a general statement, a repeat of nothing).
struct LeftOutCandidate {
  std::size_t sentence = 0;  ///< index of the sentence of the event word
  Span trigger;              ///< the event word, in bytes
  std::string trigger_text;
  std::string why;
};

}  // namespace vigie
