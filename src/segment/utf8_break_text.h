#pragma once
// Points an ICU break iterator at UTF-8 text without copying it or allocating: the UText lives
// on the stack, and ICU keeps its own shallow clone, so boundaries come back as byte offsets
// into the view.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string_view>

namespace vigie {

class Utf8BreakText {
 public:
  Utf8BreakText(icu::BreakIterator& iterator, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator.setText(&text_, status);
  }
  ~Utf8BreakText() { utext_close(&text_); }
  Utf8BreakText(const Utf8BreakText&) = delete;
  Utf8BreakText& operator=(const Utf8BreakText&) = delete;

 private:
  UText text_ = UTEXT_INITIALIZER;
};

}  // namespace vigie
