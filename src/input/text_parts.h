#pragma once
// Long plain texts cut into parts processed one by one: memory stays bounded by the part, not
// the text, and every part keeps its offsets relative to the whole text.
#include <cstddef>
#include <string_view>
#include <vector>

#include "input/raw_document.h"

namespace vigie {

/// Where the first part of `text` ends when it is longer than `limit` bytes (`text.size()` when
/// it is not): at the last blank line of the window's second half, else its last newline, else
/// its last whole code point, so that parts hold whole paragraphs wherever the text has them.
std::size_t text_part_end(std::string_view text, std::size_t limit);

/// A plain-text document longer than `limit` bytes as parts of at most `limit` bytes, blank
/// parts left out. Each part keeps the document's metadata, numbers itself in its origin
/// (`part`, 1-based, and `base_code_point`, its offset in the whole text) and takes the id
/// "<id>#part<N>". A document within the limit, one that is not plain text, or one blank
/// throughout comes back whole: the result is never empty.
std::vector<RawDocument> cut_into_parts(RawDocument raw, std::size_t limit);

}  // namespace vigie
