#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "document/token.h"

namespace vigie {

/// One possible analysis of a word form, before context picks one.
struct Candidate {
  std::string lemma;
  Pos pos = Pos::X;
  std::string_view features;  ///< UD-style, e.g. "VerbForm=Part|Tense=Past"; interned
  float prior = 1.0f;         ///< how likely out of context
};

using Candidates = std::vector<Candidate>;

/// Everything known about one word form out of context, computed once per form and cached.
struct Analyses {
  std::string fold;             ///< fold() of the form
  Candidates candidates;        ///< never empty
  Pos likeliest = Pos::X;       ///< part of speech of the highest-prior candidate
  bool auxiliary_form = false;  ///< the form is one of the language's auxiliaries
};

}  // namespace vigie
