// ud_eval: how vigie's text layer compares with a Universal Dependencies treebank.
//
//   ud_eval --lang fr ../shared/data/ud/UD_French-PUD/fr_pud-ud-test.conllu
//
// Rebuilds each document's raw text from the "# text" lines (sentences joined by one space),
// runs sentence splitting, tokenization and morphology, and prints sentence-boundary F1,
// surface-token F1 and lemma accuracy. Multiword tokens ("du" = de + le) are surface tokens for
// F1 and are left out of lemma accuracy, where UD has no single lemma for them.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <set>

#include "clean/cleaner.h"
#include "pipeline/pipeline.h"

namespace {

struct GoldToken {
  std::string form;
  std::string lemma;  // empty for multiword tokens
};

struct GoldDocument {
  std::string text;
  std::vector<std::size_t> sentence_ends;  // byte offsets
  std::vector<GoldToken> tokens;
};

struct Counts {
  std::size_t gold = 0, predicted = 0, matched = 0;
  double f1() const {
    if (!gold || !predicted) return 0;
    const double p = double(matched) / predicted, r = double(matched) / gold;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

std::vector<GoldDocument> read_conllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<GoldDocument> docs;
  std::string line;
  std::size_t multiword_end = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || docs.empty()) {
      if (docs.empty() || !docs.back().text.empty()) docs.emplace_back();
      if (line.rfind("# newdoc", 0) == 0) continue;
    }
    GoldDocument& doc = docs.back();
    if (line.rfind("# text = ", 0) == 0) {
      if (!doc.text.empty()) doc.text += ' ';
      doc.text += line.substr(9);
      doc.sentence_ends.push_back(doc.text.size());
    } else if (!line.empty() && line[0] != '#') {
      const auto f = split_tabs(line);
      if (f.size() < 3) continue;
      const std::string& id = f[0];
      if (id.find('.') != std::string::npos) continue;  // empty nodes
      if (const auto dash = id.find('-'); dash != std::string::npos) {
        multiword_end = std::stoul(id.substr(dash + 1));
        doc.tokens.push_back({f[1], ""});
        continue;
      }
      if (std::stoul(id) <= multiword_end) continue;  // part of a multiword token
      doc.tokens.push_back({f[1], f[2]});
    } else if (line.empty()) {
      multiword_end = 0;
    }
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Segmentation and lemma figures of vigie against a UD treebank"};
  std::string lang, path;
  double min_sentence = 0, min_token = 0, min_lemma = 0;
  app.add_option("--lang", lang, "Language pack code")->required();
  app.add_option("conllu", path, "CoNLL-U file")->required();
  app.add_option("--min-sentence-f1", min_sentence, "Fail below this sentence-boundary F1");
  app.add_option("--min-token-f1", min_token, "Fail below this token F1");
  app.add_option("--min-lemma", min_lemma, "Fail below this lemma accuracy");
  CLI11_PARSE(app, argc, argv);
  if (!std::filesystem::exists(path)) {
    std::cerr << path << ": not found; skipped\n";
    return 77;
  }

  vigie::LanguageRegistry languages(vigie::default_lang_root());
  const vigie::LanguagePack* pack = languages.find(lang);
  if (!pack) {
    std::cerr << "no language pack '" << lang << "'\n";
    return 2;
  }
  vigie::Pipeline pipeline(languages, {});
  Counts sentences, tokens;
  std::size_t lemma_total = 0, lemma_aligned = 0, lemma_right = 0;

  for (const auto& gold : read_conllu(path)) {
    vigie::Document doc(gold.text, vigie::InputFormat::Text, {path});
    vigie::find_paragraphs(doc);
    pipeline.analyse(doc, *pack);

    std::set<std::size_t> gold_ends(gold.sentence_ends.begin(), gold.sentence_ends.end());
    std::set<std::size_t> got_ends;
    for (const auto& s : doc.sentences) got_ends.insert(s.span.end);
    sentences.gold += gold_ends.size();
    sentences.predicted += got_ends.size();
    for (auto e : got_ends) sentences.matched += gold_ends.count(e);

    // Gold token spans: each form found in order, skipping whitespace.
    std::map<std::pair<std::size_t, std::size_t>, const GoldToken*> gold_spans;
    std::size_t pos = 0;
    for (const auto& t : gold.tokens) {
      const std::size_t at = gold.text.find(t.form, pos);
      if (at == std::string::npos || gold.text.find_first_not_of(' ', pos) != at) continue;
      gold_spans[{at, at + t.form.size()}] = &t;
      pos = at + t.form.size();
    }
    tokens.gold += gold.tokens.size();
    tokens.predicted += doc.tokens.size();
    for (const auto& t : gold.tokens) lemma_total += !t.lemma.empty();
    for (const auto& t : doc.tokens) {
      auto it = gold_spans.find({t.span.begin, t.span.end});
      if (it == gold_spans.end()) continue;
      ++tokens.matched;
      if (it->second->lemma.empty()) continue;
      ++lemma_aligned;
      lemma_right += t.lemma == it->second->lemma;
    }
  }

  const double lemma_all = lemma_total ? double(lemma_right) / lemma_total : 0;
  const double lemma_on_aligned = lemma_aligned ? double(lemma_right) / lemma_aligned : 0;
  std::cout << std::fixed << std::setprecision(4) << "treebank\t" << path << "\n"
            << "sentences\tgold=" << sentences.gold << " predicted=" << sentences.predicted
            << " matched=" << sentences.matched << "\tF1=" << sentences.f1() << "\n"
            << "tokens\tgold=" << tokens.gold << " predicted=" << tokens.predicted
            << " matched=" << tokens.matched << "\tF1=" << tokens.f1() << "\n"
            << "lemmas\twords=" << lemma_total << " aligned=" << lemma_aligned
            << " right=" << lemma_right << "\taccuracy=" << lemma_all
            << " (on aligned tokens: " << lemma_on_aligned << ")\n";
  bool ok = true;
  if (sentences.f1() < min_sentence)
    ok = false, std::cerr << "sentence F1 below " << min_sentence << "\n";
  if (tokens.f1() < min_token) ok = false, std::cerr << "token F1 below " << min_token << "\n";
  if (lemma_all < min_lemma) ok = false, std::cerr << "lemma accuracy below " << min_lemma << "\n";
  return ok ? 0 : 1;
}
