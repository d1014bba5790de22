#include "store/evidence.h"

#include "util/utf8.h"

namespace vigie {

namespace {

// Byte offset of every code point, and one past the last, so any span cuts in O(1).
std::vector<std::size_t> code_point_offsets(const std::string& text) {
  std::vector<std::size_t> at;
  at.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    at.push_back(pos);
    utf8::decode(text, pos);
  }
  at.push_back(text.size());
  return at;
}

}  // namespace

std::vector<Evidence> evidence_of(const EventRecord& r, const std::string& text) {
  const auto at = code_point_offsets(text);
  std::vector<Evidence> out;
  auto add = [&](const std::string& field, const std::optional<CodePointSpan>& span) {
    if (!span || span->start > span->end || span->end >= at.size()) return;
    const std::size_t b = at[span->start];
    out.push_back({field, span->start, span->end, text.substr(b, at[span->end] - b)});
  };
  for (const auto& e : r.evidence) add("event", e);
  if (r.date) add("date", r.date->span);
  if (r.location) add("location", r.location->span);
  if (r.actor1) add("actor1", r.actor1->span);
  for (const auto& a : r.assoc_actor1) add("assoc_actor1", a.span);
  if (r.actor2) add("actor2", r.actor2->span);
  for (const auto& a : r.assoc_actor2) add("assoc_actor2", a.span);
  if (r.fatalities) add("fatalities", r.fatalities->span);
  if (r.source) add("source", r.source->span);
  return out;
}

}  // namespace vigie
