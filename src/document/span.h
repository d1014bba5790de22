#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace vigie {

/// A half-open byte range [begin, end) into Document::text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  std::uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// Spans already taken in a document (dates, numbers…), asked "does this span touch one?" in
/// logarithmic time: a scan of every span per question made long documents quadratic.
class SpanSet {
 public:
  explicit SpanSet(std::vector<Span> spans) : spans_(std::move(spans)) {
    std::erase_if(spans_, [](const Span& s) { return s.empty(); });
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    // Overlapping spans merged: the set then holds disjoint spans in order.
    std::vector<Span> merged;
    for (const Span& s : spans_) {
      if (!merged.empty() && s.begin < merged.back().end) {
        merged.back().end = std::max(merged.back().end, s.end);
      } else {
        merged.push_back(s);
      }
    }
    spans_ = std::move(merged);
  }

  bool overlaps(const Span& s) const {
    // The last span starting before s ends is the only one that can reach into it.
    auto after = std::lower_bound(spans_.begin(), spans_.end(), s.end,
                                  [](const Span& t, std::uint32_t end) { return t.begin < end; });
    return after != spans_.begin() && std::prev(after)->overlaps(s);
  }

 private:
  std::vector<Span> spans_;
};

}  // namespace vigie
