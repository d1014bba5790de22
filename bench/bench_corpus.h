#pragma once
// The benchmark corpus: raw texts rebuilt from every UD treebank file in shared/data/ud (French
// and English), the HTML fixtures and the bundled example. Nothing is copied into the repo.
#include <string>
#include <vector>

#include "input/raw_document.h"

namespace vigie::bench {

struct CorpusDocument {
  RawDocument raw;
  std::string lang;  ///< the treebank's language, or "" for HTML pages and examples
};

/// Loads the corpus; `shared_dir` defaults to ../shared beside the repository.
std::vector<CorpusDocument> load_corpus(const std::string& shared_dir = "");

std::size_t total_bytes(const std::vector<CorpusDocument>& corpus);

}  // namespace vigie::bench
