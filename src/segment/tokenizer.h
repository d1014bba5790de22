#pragma once
// Tokens with ICU's word BreakIterator, then the language's rules from tokenizer.tsv: French
// elisions split (l'armée → l' armée, not aujourd'hui), inverted clitics split (a-t-il → a -t-il),
// hyphenated words kept or split, "1 200" joined, abbreviations keep their period.
// Not thread-safe: one tokenizer per thread.
#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"

namespace vigie {

class Tokenizer {
 public:
  explicit Tokenizer(const LanguagePack& pack);
  ~Tokenizer();

  /// Tokens of `range` in `text`, with kind, span, space_after and elided set.
  std::vector<Token> tokenize(std::string_view text, Span range);
  /// The same, appended to `out`.
  void tokenize(std::string_view text, Span range, std::vector<Token>& out);

  /// Tokenizes every sentence of `doc`, filling doc.tokens and each sentence's token range.
  void annotate(Document& doc);

 private:
  struct Piece {
    Span span;
    TokenKind kind;
  };
  std::vector<Piece> raw_pieces(std::string_view text, Span range);
  void join_hyphens(std::string_view text, std::vector<Piece>& pieces) const;
  void join_numbers(std::string_view text, std::vector<Piece>& pieces) const;
  void join_periods(std::string_view text, std::vector<Piece>& pieces);
  void split_affixes(std::string_view text, const std::vector<Piece>& pieces,
                     std::vector<Token>& out);
  Span split_elisions(std::string_view text, Span span, std::vector<Token>& out);
  Span split_clitics(std::string_view text, Span span, std::vector<Span>& clitics);
  std::uint32_t contraction_cut(std::string_view text, Span span);
  static void emit(Span span, TokenKind kind, bool elided, std::vector<Token>& out);
  const LanguagePack& pack_;
  std::unique_ptr<icu::BreakIterator> iterator_;
  std::unordered_set<std::string> abbreviations_;  // folded
};

}  // namespace vigie
