#include "document/document.h"

#include <algorithm>
#include <map>

namespace vigie {

std::string_view pos_name(Pos pos) {
  static constexpr std::string_view kNames[] = {"X",   "NOUN", "PROPN", "VERB",  "AUX",   "ADJ",
                                                "ADV", "PRON", "DET",   "ADP",   "CCONJ", "SCONJ",
                                                "NUM", "PART", "INTJ",  "PUNCT", "SYM"};
  return kNames[static_cast<int>(pos)];
}

std::string_view tense_name(Tense tense) {
  static constexpr std::string_view kNames[] = {"unknown",    "present", "past",       "imperfect",
                                                "pluperfect", "future",  "conditional"};
  return kNames[static_cast<int>(tense)];
}

std::string_view granularity_name(DateGranularity g) {
  static constexpr std::string_view kNames[] = {"day", "week", "month", "year"};
  return kNames[static_cast<int>(g)];
}

std::string_view date_type_name(DateType t) {
  static constexpr std::string_view kNames[] = {"exact", "approximate", "range", "unresolved"};
  return kNames[static_cast<int>(t)];
}

Document::Document(std::string text, InputFormat format, Origin origin)
    : text_(std::move(text)), format_(format), origin_(std::move(origin)) {
  build_offset_index();
}

void Document::build_offset_index() {
  cp_index_.clear();
  cp_index_.reserve(text_.size() / kIndexStride + 1);
  std::uint64_t count = origin_.base_code_point;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i % kIndexStride == 0) cp_index_.push_back(count);
    count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
}

std::uint64_t Document::code_point_at(std::uint32_t byte_offset) const {
  const std::size_t target = std::min<std::size_t>(byte_offset, text_.size());
  if (cp_index_.empty()) return origin_.base_code_point;
  const std::size_t block = std::min(target / kIndexStride, cp_index_.size() - 1);
  std::uint64_t count = cp_index_[block];
  for (std::size_t i = block * kIndexStride; i < target; ++i) {
    count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  return count;
}

std::string Document::clean_text() const {
  if (exclusions.empty()) return text_;
  std::string out;
  out.reserve(text_.size());
  std::uint32_t pos = 0;
  for (const auto& ex : exclusions) {
    out.append(text_, pos, ex.span.begin - pos);
    pos = ex.span.end;
  }
  out.append(text_, pos, std::string::npos);
  return out;
}

bool Document::is_excluded(Span s) const {
  auto it = std::upper_bound(exclusions.begin(), exclusions.end(), s.begin,
                             [](std::uint32_t b, const Exclusion& e) { return b < e.span.end; });
  return it != exclusions.end() && it->span.begin <= s.begin && s.end <= it->span.end;
}

const VerbGroup* Document::verb_group_of(std::uint32_t token) const {
  auto it = std::upper_bound(verb_groups.begin(), verb_groups.end(), token,
                             [](std::uint32_t at, const VerbGroup& g) { return at < g.first; });
  if (it == verb_groups.begin()) return nullptr;
  --it;
  return it->first <= token && token <= it->last ? &*it : nullptr;
}

const Sentence* Document::sentence_of(std::uint32_t token) const {
  auto it =
      std::upper_bound(sentences.begin(), sentences.end(), token,
                       [](std::uint32_t at, const Sentence& s) { return at < s.first_token; });
  if (it == sentences.begin()) return nullptr;
  --it;
  return token < it->first_token + it->token_count ? &*it : nullptr;
}

std::uint32_t Document::first_token_from(std::uint32_t offset) const {
  return static_cast<std::uint32_t>(
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& t, std::uint32_t at) { return t.span.begin < at; }) -
      tokens.begin());
}

std::string Document::main_country() const {
  std::map<std::string, std::pair<int, std::size_t>> counted;  // code → (count, first seen)
  for (std::size_t k = 0; k < places.size(); ++k) {
    // (A country across a border from the events is not where they happened.)
    if (places[k].country.empty() || places[k].border) continue;
    ++counted.try_emplace(places[k].country, 0, k).first->second.first;
  }
  std::string main;
  std::pair<int, std::size_t> best{0, 0};
  for (const auto& [code, rank] : counted) {
    if (rank.first > best.first || (rank.first == best.first && rank.second < best.second)) {
      main = code;
      best = rank;
    }
  }
  return main;
}

}  // namespace vigie
