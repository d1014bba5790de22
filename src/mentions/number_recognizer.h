#pragma once
// Recognises quantities in a sentence and resolves them: digits (« 1 200 », "1,200", « 3,5
// millions »), spelled-out numbers (ICU's spell-out rules in lenient mode, only on runs of words
// from the language's number lexicon), vague amounts with ranges (« des dizaines », "scores"),
// modifiers (« au moins », "up to") and ranges (« entre 10 et 15 »). Words and values are data:
// lang/<code>/numbers.tsv. Not thread-safe (ICU's formatter): one recogniser per thread.
#include <unicode/rbnf.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "lang/language_pack.h"
#include "mentions/phrase_matcher.h"

namespace vigie {

class Tokenizer;

class NumberRecognizer {
 public:
  NumberRecognizer(const LanguagePack& pack, Tokenizer& tokenizer);
  ~NumberRecognizer();

  /// Fills doc.numbers; tokens inside doc.dates are not read (years belong to dates).
  void annotate(Document& doc);

 private:
  enum class Modifier : std::uint8_t { AtLeast, MoreThan, Approximately, UpTo, LessThan, Exactly };
  struct Vague {
    double best, low, high;
    std::string phrase;
  };
  struct Parsed {
    std::uint32_t end = 0;  ///< one past the last token
    double best = 0;
    std::optional<double> low, high;
    bool approximate = false;
    std::string rule;
  };

  std::optional<Parsed> parse_at(const Document& doc, std::uint32_t i, std::uint32_t end);
  std::optional<Parsed> amount_at(const Document& doc, std::uint32_t i, std::uint32_t end,
                                  bool allow_article = false);
  std::optional<Parsed> exact_at(const Document& doc, std::uint32_t i, std::uint32_t end,
                                 bool allow_article = false);
  std::optional<double> digits_value(std::string_view text) const;
  std::optional<double> spelled_value(std::string_view text);
  bool is_number_word(std::string_view folded) const;

  const LanguagePack& pack_;
  std::unique_ptr<icu::RuleBasedNumberFormat> spellout_;
  std::unordered_set<std::string> words_;     // folded number words
  std::unordered_set<std::string> joiners_;   // « et », "and", "-"
  std::unordered_set<std::string> articles_;  // « un »: a number only inside a longer one
  std::vector<std::pair<std::string, double>> multipliers_;  // folded word → factor
  std::vector<Vague> vague_;
  std::vector<std::pair<Modifier, std::string>> modifiers_;
  std::vector<std::pair<std::string, std::string>> ranges_;  // opener phrase, joiner
  std::unordered_set<std::string> bare_range_joiners_;       // « 10 à 15 », "10 to 15"
  PhraseMatcher vague_matcher_, modifier_matcher_, range_matcher_;
  char decimal_separator_ = '.';
  char group_separator_ = ',';
};

}  // namespace vigie
