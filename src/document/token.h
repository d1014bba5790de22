#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "document/span.h"

namespace vigie {

/// Universal Dependencies part-of-speech tags, so figures compare directly with UD treebanks.
enum class Pos : std::uint8_t {
  X,
  NOUN,
  PROPN,
  VERB,
  AUX,
  ADJ,
  ADV,
  PRON,
  DET,
  ADP,
  CCONJ,
  SCONJ,
  NUM,
  PART,
  INTJ,
  PUNCT,
  SYM
};
std::string_view pos_name(Pos pos);

enum class TokenKind : std::uint8_t { Word, Number, Punct, Symbol };

/// What the language's dictionary says a capitalised word names, where it has word senses
/// (English: WordNet); all false where it cannot say (an unknown name, a lexicon without senses).
struct NameSenses {
  bool place = false;       ///< a place's name ("Alexandria", "Virginia")
  bool person = false;      ///< a person's name and no place's ("Henry", "Lewis")
  bool other_name = false;  ///< another name ("Christmas")
  bool common = false;      ///< also a common word ("center", "most", "drain")
};

/// One surface token. `text` is a view computed from the span; the token owns only analyses.
struct Token {
  Span span;
  TokenKind kind = TokenKind::Word;
  Pos pos = Pos::X;
  bool elided = false;      ///< French elided article/pronoun ending in an apostrophe: l', qu'
  bool space_after = true;  ///< whitespace follows in the text
  bool person = false;      ///< a common noun that names a person ("son", "lawmaker")
  NameSenses name;          ///< for a capitalised word: what the dictionary says it names
  std::string fold;         ///< case-folded, accent-stripped form used for matching
  std::string lemma;        ///< dictionary form (lower-case except proper nouns)
  std::string features;     ///< morphological features, UD style ("Tense=Past|VerbForm=Part")
};

}  // namespace vigie
