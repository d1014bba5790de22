#pragma once
#include <ostream>

#include "document/document.h"

namespace vigie {

/// The text layer as CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), one block per
/// sentence; MISC holds the token's code point span ("Span=12-19") and SpaceAfter=No.
void write_conllu(const Document& doc, std::ostream& out);

}  // namespace vigie
