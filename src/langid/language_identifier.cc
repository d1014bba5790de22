#include "langid/language_identifier.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
// (kept apart so that include sorting cannot move it below)
#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "text/folding.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace vigie {
namespace {

// Below this many bytes of text CLD2's answer is not trusted on its own.
constexpr std::size_t kMinBytesForCld2 = 200;

}  // namespace

LanguageIdentifier::LanguageIdentifier(const LanguageRegistry& languages) {
  for (const auto& pack : languages.packs()) {
    auto& words = frequent_words_[pack->code];
    for (const auto& [form, analyses] : pack->function_words) words.insert(form);
    const auto extra = pack->dir / "langid_words.txt";
    if (std::filesystem::exists(extra)) {
      for (const auto& row : read_tsv(extra)) words.insert(lower(row.fields[0]));
    }
  }
}

LanguageGuess LanguageIdentifier::by_frequent_words(std::string_view text) const {
  std::unordered_map<std::string, int> hits;
  int words = 0;
  std::size_t pos = 0;
  std::string word;
  auto finish_word = [&] {
    if (word.empty()) return;
    ++words;
    const std::string f = lower(word);
    for (const auto& [code, set] : frequent_words_) hits[code] += set.count(f) ? 1 : 0;
    word.clear();
  };
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (u_isalpha(static_cast<UChar32>(cp))) {
      word.append(text.substr(start, pos - start));
    } else if ((cp == '\'' || cp == 0x2019) && !word.empty()) {
      word += '\'';  // elided forms (l', qu') are frequent words in themselves
      finish_word();
    } else {
      finish_word();
    }
  }
  finish_word();
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [code, n] : hits) ranked.emplace_back(n, code);
  std::sort(ranked.rbegin(), ranked.rend());
  if (ranked.empty() || ranked[0].first == 0 ||
      (ranked.size() > 1 && ranked[0].first == ranked[1].first)) {
    return {"und", 0.0, "frequent-words"};
  }
  const double margin = ranked.size() > 1 ? ranked[0].first - ranked[1].first : ranked[0].first;
  return {ranked[0].second, std::min(1.0, margin / std::max(1, words) + 0.3), "frequent-words"};
}

LanguageGuess LanguageIdentifier::identify(std::string_view text, std::string_view hint) const {
  const std::string_view sample = text.substr(0, utf8::safe_prefix_length(text, kSampleBytes));
  if (sample.size() >= kMinBytesForCld2) {
    bool reliable = false;
    CLD2::Language top[3];
    int percent[3];
    int text_bytes = 0;
    const CLD2::Language lang = CLD2::DetectLanguageSummary(
        sample.data(), static_cast<int>(sample.size()), true, top, percent, &text_bytes, &reliable);
    if (reliable && lang != CLD2::UNKNOWN_LANGUAGE) {
      return {CLD2::LanguageCode(lang), percent[0] / 100.0, "cld2"};
    }
    // Short text, but CLD2's best guess is the language the page declares: both agree.
    if (lang != CLD2::UNKNOWN_LANGUAGE && !hint.empty() && hint == CLD2::LanguageCode(lang)) {
      return {std::string(hint), percent[0] / 100.0, "cld2+html-lang"};
    }
  }
  // Frequent words know only the packs' languages: for a short text in a language the page
  // declares and no pack has, they would name a wrong one.
  if (!hint.empty() && !frequent_words_.count(std::string(hint)) &&
      sample.size() < kMinBytesForCld2) {
    return {std::string(hint), 0.3, "html-lang"};
  }
  LanguageGuess guess = by_frequent_words(sample);
  if (guess.code == "und" && !hint.empty() && frequent_words_.count(std::string(hint))) {
    return {std::string(hint), 0.3, "html-lang"};
  }
  return guess;
}

}  // namespace vigie
