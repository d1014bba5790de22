#pragma once
// Matching forms of text, built on ICU: NFKC case folding, then accent stripping, so that
// « Ségou », "SEGOU" and "Ségou" (decomposed) all fold to "segou".
#include <string>
#include <string_view>

namespace vigie {

/// NFC normalisation (what a dictionary entry and a token are compared under).
std::string normalize_nfc(std::string_view utf8);

/// Case-folded, accent-stripped, NFKC form: « Tillabéri » → "tillaberi", "ŒUVRE" → "œuvre".
/// Typographic apostrophes fold to ASCII ones; ligatures such as œ are kept (they are letters).
std::string fold(std::string_view utf8);

/// The same letters without their accents, case kept: « Ségou » → "Segou" (GeoNames' ASCII names).
std::string without_accents(std::string_view utf8);

/// Lower-case form that keeps accents (for dictionary look-ups that need them).
std::string lower(std::string_view utf8);

/// True when the first letter is upper-case.
bool starts_upper(std::string_view utf8);

}  // namespace vigie
