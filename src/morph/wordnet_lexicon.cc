// English: WordNet's morphology (morphstr with its exception lists) gives base forms of nouns,
// verbs, adjectives and adverbs: shot → shoot, fled → flee, children → child. Single words are
// answered from memory by WordNetMorphy (no system call, no lock); WordNet's C library, which
// keeps global state behind one lock, is left only for collocations with a space inside.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "morph/morph_analyzer.h"
#include "morph/wordnet_morphy.h"
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
  WordNetLexicon() : morphy_(WordNetMorphy::shared()) {}

  // Analyzers cache their answers per thread; this costs a few binary searches in memory.
  Candidates lookup(const std::string& lower_form) override {
    Candidates out;
    for (int wn_pos : {kWnNoun, kWnVerb, kWnAdj, kWnAdv}) {
      const Pos pos = wn_pos == kWnNoun   ? Pos::NOUN
                      : wn_pos == kWnVerb ? Pos::VERB
                      : wn_pos == kWnAdj  ? Pos::ADJ
                                          : Pos::ADV;
      add_candidates(lower_form, pos, bases_of(lower_form, wn_pos), out);
    }
    return out;
  }

  // WordNet lists names in lower case in its index, written as names in its synsets: a word
  // whose every noun sense is written capitalised ("Ohio", "Alexandria") is a name.
  bool is_proper_noun(const std::string& form) override {
    if (form.empty() || !std::isupper(static_cast<unsigned char>(form.front()))) return false;
    const NameSenses senses = name_senses(form);
    return (senses.place || senses.person || senses.other_name) && !senses.common;
  }

  bool is_person(const std::string& lemma) override {
    if (auto it = persons_.find(lemma); it != persons_.end()) return it->second;
    const bool person = morphy_.first_sense_is_person(lemma);
    persons_.emplace(lemma, person);
    return person;
  }

  NameSenses name_senses(const std::string& form) override {
    if (auto it = names_.find(form); it != names_.end()) return it->second;
    const WordNetMorphy::NameSenses wn = morphy_.name_senses(form);
    const NameSenses senses{wn.place, wn.person, wn.other_name, wn.common};
    names_.emplace(form, senses);
    return senses;
  }

 private:
  // Every base form WordNet gives `lower_form` as this part of speech, the form itself last
  // when it is its own entry and not an inflection ("men" → "man", not "men").
  std::vector<std::string> bases_of(const std::string& lower_form, int wn_pos) const {
    if (WordNetMorphy::handles(lower_form)) {
      const auto part = static_cast<WordNetMorphy::Part>(wn_pos);
      std::vector<std::string> bases = morphy_.base_forms(lower_form, part);
      if (!is_inflection(bases, lower_form) && morphy_.in_index(lower_form, part))
        bases.push_back(lower_form);
      return bases;
    }
    if (lower_form.size() > 200) return {};  // past the library's word buffers
    return library_bases_of(lower_form, wn_pos);
  }

  static bool is_inflection(const std::vector<std::string>& bases, const std::string& form) {
    return std::any_of(bases.begin(), bases.end(), [&](const std::string& b) { return b != form; });
  }

  // The same answer from WordNet's C library, for collocations ("take_off").
  static std::vector<std::string> library_bases_of(const std::string& lower_form, int wn_pos) {
    std::lock_guard lock(wordnet_mutex());
    init_wordnet_once();
    std::vector<std::string> bases;
    std::string buffer = lower_form;  // WordNet's API takes char*, and may modify it
    for (char* r = morphstr(buffer.data(), wn_pos); r; r = morphstr(nullptr, wn_pos)) {
      bases.emplace_back(r);
    }
    buffer = lower_form;
    if (!is_inflection(bases, lower_form) && (in_wn(buffer.data(), wn_pos) & (1 << wn_pos)))
      bases.push_back(lower_form);
    return bases;
  }

  static void add_candidates(const std::string& lower_form, Pos pos, std::vector<std::string> bases,
                             Candidates& out) {
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

  const WordNetMorphy& morphy_;
  std::unordered_map<std::string, bool> persons_;  // this thread's answers
  std::unordered_map<std::string, NameSenses> names_;
};

}  // namespace

std::unique_ptr<Lexicon> make_wordnet_lexicon(const LanguagePack&) {
  return std::make_unique<WordNetLexicon>();
}

}  // namespace vigie
