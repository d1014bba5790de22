#pragma once
// Finds the longest phrase from a list that starts at a token, comparing folded token forms
// (« au moins », "at least", « des centaines de milliers »). Phrases are tokenized with the
// language's own tokenizer when the matcher is built, so « jusqu'à » matches « jusqu' à ».
// Shared by the recognisers of numbers, dates, actors, event words and attributions.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace vigie {

class Tokenizer;

class PhraseMatcher {
 public:
  struct Match {
    std::uint32_t length = 0;   ///< tokens matched
    std::uint32_t payload = 0;  ///< what add() was given
  };

  /// Adds a phrase (tokenized with `tokenizer`, then folded) with a payload.
  void add(std::string_view phrase, std::uint32_t payload, Tokenizer& tokenizer);
  /// Adds a phrase given as folded tokens.
  void add_tokens(const std::vector<std::string>& folded_tokens, std::uint32_t payload);

  /// The longest phrase starting at token `first`, not going past token `end`. Tokens marked in
  /// `passed_over` (indexed by token) may stand inside the phrase: « a repris mardi le contrôle ».
  std::optional<Match> longest_at(const Document& doc, std::uint32_t first, std::uint32_t end,
                                  const std::vector<bool>* passed_over = nullptr) const;

  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::map<std::string, std::uint32_t, std::less<>> next;
    std::optional<std::uint32_t> payload;
  };
  std::vector<Node> nodes_{Node{}};
};

}  // namespace vigie
