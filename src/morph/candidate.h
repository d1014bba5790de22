#pragma once
#include <string>
#include <vector>

#include "document/token.h"

namespace vigie {

/// One possible analysis of a word form, before context picks one.
struct Candidate {
  std::string lemma;
  Pos pos = Pos::X;
  std::string features;  ///< UD-style, e.g. "VerbForm=Part|Tense=Past"
  float prior = 1.0f;    ///< how likely out of context
};

using Candidates = std::vector<Candidate>;

}  // namespace vigie
