#include "mentions/phrase_matcher.h"

#include "segment/tokenizer.h"
#include "text/folding.h"

namespace vigie {

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload, Tokenizer& tokenizer) {
  const std::vector<Token> tokens =
      tokenizer.tokenize(phrase, {0, static_cast<std::uint32_t>(phrase.size())});
  std::vector<std::string> folded;
  for (const auto& t : tokens) folded.push_back(fold(phrase.substr(t.span.begin, t.span.size())));
  add_tokens(folded, payload);
}

void PhraseMatcher::add_tokens(const std::vector<std::string>& folded_tokens,
                               std::uint32_t payload) {
  if (folded_tokens.empty()) return;
  std::uint32_t node = 0;
  for (const auto& t : folded_tokens) {
    auto it = nodes_[node].next.find(t);
    if (it == nodes_[node].next.end()) {
      nodes_.emplace_back();
      it = nodes_[node].next.emplace(t, static_cast<std::uint32_t>(nodes_.size() - 1)).first;
    }
    node = it->second;
  }
  // The first payload given for a phrase wins: data files list the preferred reading first.
  if (!nodes_[node].payload) nodes_[node].payload = payload;
}

std::optional<PhraseMatcher::Match> PhraseMatcher::longest_at(
    const Document& doc, std::uint32_t first, std::uint32_t end,
    const std::vector<bool>* passed_over) const {
  std::optional<Match> best;
  std::uint32_t node = 0;
  for (std::uint32_t i = first; i < end; ++i) {
    if (passed_over && i > first && (*passed_over)[i]) continue;
    auto it = nodes_[node].next.find(doc.tokens[i].fold);
    if (it == nodes_[node].next.end()) break;
    node = it->second;
    if (nodes_[node].payload) best = Match{i - first + 1, *nodes_[node].payload};
  }
  return best;
}

}  // namespace vigie
