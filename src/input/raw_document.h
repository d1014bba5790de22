#pragma once
#include <string>
#include <variant>

#include "document/document.h"

namespace vigie {

/// Bytes of one document as read, before any cleaning; already checked to be UTF-8 text.
struct RawDocument {
  std::string bytes;
  InputFormat format = InputFormat::Text;
  Origin origin;
  Metadata meta;
};

/// An input that could not become a document: where it is and why.
struct InputProblem {
  Origin origin;
  std::string message;

  /// "path:line: message", "path (part 3): message" or "path: message".
  std::string describe() const;
};

using InputItem = std::variant<RawDocument, InputProblem>;

}  // namespace vigie
