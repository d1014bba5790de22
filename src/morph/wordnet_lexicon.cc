// English: WordNet's morphology (morphstr with its exception lists) gives base forms of nouns,
// verbs, adjectives and adverbs: shot → shoot, fled → flee, children → child. WordNet keeps
// global state, so every call holds one process-wide lock; analyzers cache per word form.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "morph/morph_analyzer.h"
#include "util/interned.h"
#include "util/tsv.h"

extern "C" {
#include <wn.h>
}

// wn.h defines NOUN, VERB, ADJ and ADV as macros, which collide with vigie::Pos.
namespace {
constexpr int kWnNoun = NOUN, kWnVerb = VERB, kWnAdj = ADJ, kWnAdv = ADV;
}
#undef NOUN
#undef VERB
#undef ADJ
#undef ADV

namespace vigie {
namespace {

std::mutex& wordnet_mutex() {
  static std::mutex m;
  return m;
}

void init_wordnet_once() {
  static const bool ok = [] {
    if (!std::getenv("WNSEARCHDIR")) setenv("WNSEARCHDIR", "/usr/share/wordnet", 0);
    const std::string dir = std::getenv("WNSEARCHDIR");
    if (!std::filesystem::exists(dir + "/index.noun")) {
      throw DataError("WordNet not found in " + dir + " (install Debian's wordnet-base)");
    }
    return wninit() == 0;
  }();
  if (!ok) throw DataError("WordNet could not be opened (wninit failed)");
}

std::string verb_features(const std::string& form, const std::string& base) {
  if (form == base) return "VerbForm=Inf";
  if (form.ends_with("ing")) return "VerbForm=Ger";
  if (form.ends_with("s") && !base.ends_with("s"))
    return "Mood=Ind|Number=Sing|Person=3|Tense=Pres";
  return "Tense=Past";  // -ed or irregular: past tense or past participle
}

class WordNetLexicon : public Lexicon {
 public:
  WordNetLexicon() {
    std::lock_guard lock(wordnet_mutex());
    init_wordnet_once();
  }

  // WordNet answers from its files, about 0.2 ms a word, one thread at a time: every thread's
  // analyzer shares one process-wide memo, so each word costs that once per process.
  Candidates lookup(const std::string& lower_form) override {
    static std::shared_mutex memo_mutex;
    static std::unordered_map<std::string, Candidates> memo;
    {
      std::shared_lock read(memo_mutex);
      if (auto it = memo.find(lower_form); it != memo.end()) return it->second;
    }
    Candidates out = lookup_uncached(lower_form);
    std::unique_lock write(memo_mutex);
    memo.emplace(lower_form, out);
    return out;
  }

  bool is_proper_noun(const std::string&) override { return false; }

 private:
  Candidates lookup_uncached(const std::string& lower_form) {
    Candidates out;
    std::lock_guard lock(wordnet_mutex());
    std::string buffer = lower_form;  // WordNet's API takes char*, and may modify it
    for (int wn_pos : {kWnNoun, kWnVerb, kWnAdj, kWnAdv}) {
      const Pos pos = wn_pos == kWnNoun   ? Pos::NOUN
                      : wn_pos == kWnVerb ? Pos::VERB
                      : wn_pos == kWnAdj  ? Pos::ADJ
                                          : Pos::ADV;
      std::vector<std::string> bases;
      for (char* r = morphstr(buffer.data(), wn_pos); r; r = morphstr(nullptr, wn_pos)) {
        bases.emplace_back(r);
      }
      buffer = lower_form;
      // A form WordNet can reduce ("men" → "man") is that inflection, not its own entry.
      const bool inflection = std::any_of(bases.begin(), bases.end(),
                                          [&](const std::string& b) { return b != lower_form; });
      if (!inflection && (in_wn(buffer.data(), wn_pos) & (1 << wn_pos)))
        bases.push_back(lower_form);
      buffer = lower_form;
      for (auto& base : bases) {
        for (auto& c : base) c = c == '_' ? ' ' : c;
        const bool inflected = base != lower_form;
        // Bare forms are likelier as themselves; among inflections, the verb reading of -ed
        // and -ing, the noun reading of -s.
        float prior = inflected ? 0.8f : 1.0f;
        // Inflected verb forms (fled, shot, seized) are verbs more often than the adjective or
        // noun they double as.
        const bool past_form = !lower_form.ends_with("s") && !lower_form.ends_with("ing");
        if (pos == Pos::VERB && inflected && past_form) prior += 0.35f;
        if (pos == Pos::VERB && lower_form.ends_with("ing")) prior += 0.15f;
        if (pos == Pos::NOUN && lower_form.ends_with("s") && inflected) prior += 0.2f;
        out.push_back(
            {base, pos, pos == Pos::VERB ? intern(verb_features(lower_form, base)) : "", prior});
      }
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Lexicon> make_wordnet_lexicon(const LanguagePack&) {
  return std::make_unique<WordNetLexicon>();
}

}  // namespace vigie
