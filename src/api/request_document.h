#pragma once
// The body of POST /extract and POST /documents as a raw document: a JSON object with the fields
// of a JSON Lines record, or plain text, or an HTML page (by Content-Type).
#include <string>
#include <variant>

#include "input/raw_document.h"

namespace vigie {

struct RequestDocument {
  std::string content_type;  ///< the request's, parameters (charset) included
  std::string body;
  std::string published;  ///< ?published=, for bodies that carry none
  std::string lang;       ///< ?lang=
  std::string id;         ///< ?id=
};

/// The raw document, or the problem (invalid UTF-8, an empty body, a malformed JSON object…).
InputItem request_document(const RequestDocument& request);

}  // namespace vigie
