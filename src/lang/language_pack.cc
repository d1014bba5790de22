#include "lang/language_pack.h"

#include <unistd.h>

#include <algorithm>

#include "text/folding.h"
#include "util/interned.h"
#include "util/locate.h"
#include "util/tsv.h"

#ifndef VIGIE_SOURCE_LANG_DIR
#define VIGIE_SOURCE_LANG_DIR ""
#endif

namespace vigie {
namespace fs = std::filesystem;

namespace {

std::string where(const fs::path& file, const TsvRow& row) {
  return file.string() + ":" + std::to_string(row.line) + ": ";
}

const std::string& field(const fs::path& file, const TsvRow& row, std::size_t i) {
  if (i >= row.fields.size() || row.fields[i].empty()) {
    throw DataError(where(file, row) + "expected at least " + std::to_string(i + 1) + " fields");
  }
  return row.fields[i];
}

Pos parse_pos(const fs::path& file, const TsvRow& row, const std::string& name) {
  for (int p = 0; p <= static_cast<int>(Pos::SYM); ++p) {
    if (pos_name(static_cast<Pos>(p)) == name) return static_cast<Pos>(p);
  }
  throw DataError(where(file, row) + "unknown part of speech '" + name + "'");
}

// Optional files may be absent from a pack; a present file must be well-formed.
std::vector<TsvRow> rows_of(const fs::path& file) {
  if (!fs::exists(file)) return {};
  return read_tsv(file);
}

}  // namespace

LanguagePack LanguagePack::load(const fs::path& dir) {
  LanguagePack pack;
  pack.dir = dir;
  const fs::path manifest = dir / "language.tsv";
  for (const auto& row : read_tsv(manifest)) {
    const auto& key = field(manifest, row, 0);
    const auto& value = field(manifest, row, 1);
    if (key == "code")
      pack.code = value;
    else if (key == "name")
      pack.name = value;
    else if (key == "morphology")
      pack.morphology = value;
    else if (key == "hunspell_dictionary")
      pack.hunspell_dictionary = value;
    else if (key == "country_language")
      pack.country_language = value;
    else if (key == "adjectives")
      pack.adjectives_follow_nouns = value == "after_noun";
    else
      throw DataError(where(manifest, row) + "unknown key '" + key + "'");
  }
  if (pack.code.empty()) throw DataError(manifest.string() + ": no 'code'");
  if (pack.morphology != "hunspell" && pack.morphology != "wordnet") {
    throw DataError(manifest.string() + ": morphology must be 'hunspell' or 'wordnet'");
  }

  for (const auto& row : rows_of(dir / "abbreviations.txt"))
    pack.abbreviations.push_back(row.fields[0]);

  const fs::path tok = dir / "tokenizer.tsv";
  for (const auto& row : rows_of(tok)) {
    const auto& key = field(tok, row, 0);
    const auto value = fold(field(tok, row, 1));
    if (key == "elision")
      pack.elisions.insert(value);
    else if (key == "elision_exception")
      pack.elision_exceptions.insert(value);
    else if (key == "clitic_suffix")
      pack.clitic_suffixes.push_back(value);
    else if (key == "contraction_suffix")
      pack.contraction_suffixes.push_back(value);
    else if (key == "hyphen_prefix")
      pack.hyphen_prefixes.insert(value);
    else if (key == "hyphens")
      pack.hyphens = value == "split" ? HyphenPolicy::Split : HyphenPolicy::Keep;
    else if (key == "thousands_space")
      pack.thousands_space = value == "yes";
    else
      throw DataError(where(tok, row) + "unknown key '" + key + "'");
  }
  // Longest suffix first, so "-t-il" wins over "-il".
  auto by_length = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::sort(pack.clitic_suffixes.begin(), pack.clitic_suffixes.end(), by_length);
  std::sort(pack.contraction_suffixes.begin(), pack.contraction_suffixes.end(), by_length);

  const fs::path fw = dir / "function_words.tsv";
  for (const auto& row : rows_of(fw)) {
    FunctionWord w{field(fw, row, 1), parse_pos(fw, row, field(fw, row, 2)),
                   intern(row.fields.size() > 3 ? row.fields[3] : "")};
    pack.function_words[lower(field(fw, row, 0))].push_back(std::move(w));
  }

  const fs::path vg = dir / "verb_groups.tsv";
  for (const auto& row : rows_of(vg)) {
    const auto& kind = field(vg, row, 0);
    if (kind == "aux") {
      pack.auxiliaries[fold(field(vg, row, 1))] = {field(vg, row, 2), field(vg, row, 3)};
    } else if (kind == "passive") {
      pack.passive_auxiliary_lemmas.insert(field(vg, row, 1));
    } else if (kind == "perfect") {
      pack.perfect_auxiliary_lemmas.insert(field(vg, row, 1));
    } else if (kind == "perfect_with_passive_auxiliary") {
      pack.perfect_with_passive_auxiliary.insert(field(vg, row, 1));
    } else if (kind == "reflexive") {
      pack.reflexives.insert(fold(field(vg, row, 1)));
    } else if (kind == "negator") {
      pack.negators.insert(fold(field(vg, row, 1)));
    } else if (kind == "aside") {
      // Words inside a group (« a pour sa part annoncé »), folded and split on spaces.
      std::vector<std::string> words;
      std::string folded = fold(field(vg, row, 1));
      for (std::size_t at = 0; at < folded.size();) {
        const std::size_t space = folded.find(' ', at);
        words.push_back(folded.substr(at, space - at));
        at = space == std::string::npos ? folded.size() : space + 1;
      }
      pack.verb_group_asides.push_back(std::move(words));
    } else {
      throw DataError(where(vg, row) + "unknown kind '" + kind + "'");
    }
  }

  const fs::path lo = dir / "lemma_overrides.tsv";
  for (const auto& row : rows_of(lo))
    pack.lemma_overrides[lower(field(lo, row, 0))] = field(lo, row, 1);

  const fs::path bp = dir / "boilerplate.tsv";
  for (const auto& row : rows_of(bp)) {
    const auto& kind = field(bp, row, 0);
    BoilerplateRule rule{BoilerplateRule::Kind::DropLine, fold(field(bp, row, 1))};
    if (kind == "caption_prefix")
      rule.kind = BoilerplateRule::Kind::CaptionPrefix;
    else if (kind == "caption_marker")
      rule.kind = BoilerplateRule::Kind::CaptionMarker;
    else if (kind == "drop_line")
      rule.kind = BoilerplateRule::Kind::DropLine;
    else if (kind == "cut_from_here")
      rule.kind = BoilerplateRule::Kind::CutFromHere;
    else
      throw DataError(where(bp, row) + "unknown kind '" + kind + "'");
    pack.boilerplate.push_back(std::move(rule));
  }
  return pack;
}

LanguageRegistry::LanguageRegistry(const fs::path& lang_root) : root_(lang_root) {
  std::error_code ec;
  if (!fs::is_directory(lang_root, ec)) {
    throw DataError(lang_root.string() +
                    ": language data directory not found (set VIGIE_LANG_DIR)");
  }
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(lang_root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "language.tsv"))
      dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& d : dirs)
    packs_.push_back(std::make_unique<LanguagePack>(LanguagePack::load(d)));
  if (packs_.empty())
    throw DataError(lang_root.string() + ": no language pack (lang/xx/language.tsv)");
}

const LanguagePack* LanguageRegistry::find(const std::string& code) const {
  for (const auto& p : packs_) {
    if (p->code == code) return p.get();
  }
  return nullptr;
}

fs::path LanguageRegistry::data_root() const {
  fs::path root = root_;
  if (root.filename().empty()) root = root.parent_path();  // "lang/"
  return root.parent_path() / "data";
}

std::vector<std::string> LanguageRegistry::codes() const {
  std::vector<std::string> out;
  for (const auto& p : packs_) out.push_back(p->code);
  return out;
}

fs::path default_lang_root() {
  return locate_folder("VIGIE_LANG_DIR", {"../share/vigie/lang", "../lang", "../../lang"}, "common",
                       VIGIE_SOURCE_LANG_DIR);
}

}  // namespace vigie
