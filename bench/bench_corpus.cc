#include "bench_corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigie::bench {
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One raw text per UD document: its sentences' "# text" lines joined by spaces, documents of
// at most ~20 sentences (treebanks without newdoc markers would otherwise be one document).
void add_treebank(const fs::path& file, const std::string& lang, std::vector<CorpusDocument>& out) {
  std::ifstream in(file);
  std::string line, text;
  int sentences = 0;
  auto flush = [&] {
    if (text.empty()) return;
    CorpusDocument d;
    d.raw.bytes = std::move(text);
    d.raw.origin.path = file.filename().string() + "#" + std::to_string(out.size());
    d.raw.meta.id = d.raw.origin.path;
    d.lang = lang;
    out.push_back(std::move(d));
    text.clear();
    sentences = 0;
  };
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || sentences >= 20) flush();
    if (line.rfind("# text = ", 0) == 0) {
      if (!text.empty()) text += ' ';
      text += line.substr(9);
      ++sentences;
    }
  }
  flush();
}

}  // namespace

std::vector<CorpusDocument> load_corpus(const std::string& shared_dir) {
  const fs::path shared =
      shared_dir.empty() ? fs::path(VIGIE_SOURCE_DIR) / ".." / "shared" : fs::path(shared_dir);
  std::vector<CorpusDocument> corpus;
  const fs::path ud = shared / "data" / "ud";
  if (fs::exists(ud)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(ud)) {
      const std::string name = e.path().filename().string();
      if (name.ends_with("-test.conllu") || name.ends_with("-dev.conllu"))
        files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_treebank(f, f.filename().string().substr(0, 2), corpus);
  }
  for (const auto& e :
       fs::directory_iterator(fs::path(VIGIE_SOURCE_DIR) / "tests" / "fixtures" / "html")) {
    if (e.path().extension() != ".html") continue;
    CorpusDocument d;
    d.raw.bytes = slurp(e.path());
    d.raw.format = InputFormat::Html;
    d.raw.origin.path = e.path().filename().string();
    corpus.push_back(std::move(d));
  }
  const fs::path example = shared / "examples" / "mali-wagner-moura.fr.txt";
  if (fs::exists(example)) {
    CorpusDocument d;
    d.raw.bytes = slurp(example);
    d.raw.origin.path = example.filename().string();
    corpus.push_back(std::move(d));
  }
  return corpus;
}

std::size_t total_bytes(const std::vector<CorpusDocument>& corpus) {
  std::size_t n = 0;
  for (const auto& d : corpus) n += d.raw.bytes.size();
  return n;
}

}  // namespace vigie::bench
