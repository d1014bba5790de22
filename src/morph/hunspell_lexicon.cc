// French (and any Hunspell dictionary with morphological fields): each analyze() line such as
// "st:tuer po:v1_it_q_zz po:ppas po:adj is:mas is:pl" becomes candidates with UD tags.
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <sstream>

#include "morph/morph_analyzer.h"
#include "util/interned.h"
#include "util/tsv.h"

namespace vigie {
namespace {

struct Fields {
  std::string stem;
  std::vector<std::string> po;
  std::vector<std::string> is;
  bool has_po(std::string_view v) const {
    for (const auto& p : po) {
      if (p == v) return true;
    }
    return false;
  }
};

Fields parse_line(const std::string& line) {
  Fields f;
  std::istringstream in(line);
  std::string item;
  while (in >> item) {
    if (item.rfind("st:", 0) == 0)
      f.stem = item.substr(3);
    else if (item.rfind("po:", 0) == 0)
      f.po.push_back(item.substr(3));
    else if (item.rfind("is:", 0) == 0)
      f.is.push_back(item.substr(3));
  }
  return f;
}

bool is_verb_class(const std::string& po) {
  return po.size() > 1 && po[0] == 'v' && po[1] >= '0' && po[1] <= '9';
}

std::string agreement(const Fields& f) {
  std::string out;
  auto add = [&](const char* s) {
    if (!out.empty()) out += '|';
    out += s;
  };
  for (const auto& i : f.is) {
    if (i == "mas")
      add("Gender=Masc");
    else if (i == "fem")
      add("Gender=Fem");
  }
  for (const auto& i : f.is) {
    if (i == "sg")
      add("Number=Sing");
    else if (i == "pl")
      add("Number=Plur");
  }
  for (const auto& p : f.po) {
    if (p.size() == 3 && (p[0] >= '1' && p[0] <= '3') &&
        (p.substr(1) == "sg" || p.substr(1) == "pl")) {
      add(p[1] == 's' ? "Number=Sing" : "Number=Plur");
      add(("Person=" + p.substr(0, 1)).c_str());
      break;
    }
  }
  return out;
}

std::string join(std::string a, const std::string& b) {
  if (b.empty()) return a;
  if (a.empty()) return b;
  return a + "|" + b;
}

// Verb form features from Hunspell-fr's tense codes.
std::string verb_features(const Fields& f) {
  static const std::pair<const char*, const char*> kTenses[] = {
      {"ppas", "Tense=Past|VerbForm=Part"},
      {"ppre", "Tense=Pres|VerbForm=Part"},
      {"infi", "VerbForm=Inf"},
      {"ipre", "Mood=Ind|Tense=Pres|VerbForm=Fin"},
      {"iimp", "Mood=Ind|Tense=Imp|VerbForm=Fin"},
      {"ipsi", "Mood=Ind|Tense=Past|VerbForm=Fin"},
      {"ifut", "Mood=Ind|Tense=Fut|VerbForm=Fin"},
      {"cond", "Mood=Cnd|Tense=Pres|VerbForm=Fin"},
      {"spre", "Mood=Sub|Tense=Pres|VerbForm=Fin"},
      {"simp", "Mood=Sub|Tense=Imp|VerbForm=Fin"},
      {"impe", "Mood=Imp|VerbForm=Fin"}};
  for (const auto& [code, feats] : kTenses) {
    if (f.has_po(code)) return join(feats, agreement(f));
  }
  return agreement(f);
}

class HunspellLexicon : public Lexicon {
 public:
  explicit HunspellLexicon(const LanguagePack& pack) {
    std::string base = pack.hunspell_dictionary;
    if (base.empty()) throw DataError(pack.dir.string() + "/language.tsv: no hunspell_dictionary");
    if (!std::filesystem::exists(base + ".aff") || !std::filesystem::exists(base + ".dic")) {
      throw DataError("Hunspell dictionary " + base +
                      ".aff/.dic not found (install Debian's hunspell-" + pack.code + ")");
    }
    hunspell_ = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
  }

  Candidates lookup(const std::string& lower_form) override {
    Candidates out;
    for (const auto& line : hunspell_->analyze(lower_form)) add(parse_line(line), out);
    return out;
  }

  bool is_proper_noun(const std::string& form) override {
    for (const auto& line : hunspell_->analyze(form)) {
      const Fields f = parse_line(line);
      if (!f.stem.empty() && f.stem[0] == form[0] &&
          (f.has_po("npr") || f.has_po("patr") || f.has_po("prn") || f.has_po("nom"))) {
        // An entry spelled with a capital ("Mali", "Moscou") is a name.
        if (std::isupper(static_cast<unsigned char>(f.stem[0])) || (f.stem[0] & 0x80)) return true;
      }
    }
    return false;
  }

 private:
  static void add(const Fields& f, Candidates& out) {
    if (f.stem.empty()) return;
    bool verb = false;
    for (const auto& p : f.po) verb = verb || is_verb_class(p);
    if (verb) {
      const bool participle = f.has_po("ppas");
      out.push_back({f.stem, Pos::VERB, intern(verb_features(f)), participle ? 0.8f : 0.9f});
      return;
    }
    const std::string_view feats = intern(agreement(f));
    auto push = [&](Pos pos, float prior) { out.push_back({f.stem, pos, feats, prior}); };
    if (f.has_po("npr") || f.has_po("patr") || f.has_po("prn")) push(Pos::PROPN, 1.0f);
    if (f.has_po("nom")) push(Pos::NOUN, 1.0f);
    if (f.has_po("adj")) push(Pos::ADJ, 0.9f);
    if (f.has_po("adv")) push(Pos::ADV, 0.9f);
    if (f.has_po("prep")) push(Pos::ADP, 1.2f);
    if (f.has_po("det") || f.has_po("detpos") || f.has_po("detind") || f.has_po("detdem")) {
      push(Pos::DET, 1.2f);
    }
    if (f.has_po("propersuj") || f.has_po("properobj") || f.has_po("prodem") ||
        f.has_po("proind") || f.has_po("prorel") || f.has_po("proint") || f.has_po("propos")) {
      push(Pos::PRON, 1.1f);
    }
    if (f.has_po("cjsub")) push(Pos::SCONJ, 1.1f);
    if (f.has_po("cjco")) push(Pos::CCONJ, 1.1f);
    if (f.has_po("nb") || f.has_po("nbro")) push(Pos::NUM, 1.0f);
    if (f.has_po("interj")) push(Pos::INTJ, 0.5f);
  }

  std::unique_ptr<Hunspell> hunspell_;
};

}  // namespace

std::unique_ptr<Lexicon> make_hunspell_lexicon(const LanguagePack& pack) {
  return std::make_unique<HunspellLexicon>(pack);
}

}  // namespace vigie
