// Google Benchmark of the text-layer stages on the benchmark corpus (bench_corpus.h).
//   ./build/bench/text_layer_bench
#include <benchmark/benchmark.h>

#include "bench_corpus.h"
#include "clean/cleaner.h"
#include "pipeline/pipeline.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"

namespace {

using vigie::bench::CorpusDocument;

const std::vector<CorpusDocument>& corpus() {
  static const auto c = vigie::bench::load_corpus();
  return c;
}

const vigie::LanguageRegistry& languages() {
  static const vigie::LanguageRegistry r(vigie::default_lang_root());
  return r;
}

std::vector<vigie::Document> clean_docs(const std::string& lang) {
  std::vector<vigie::Document> out;
  for (const auto& d : corpus()) {
    if (d.lang != lang) continue;
    vigie::Document doc(d.raw.bytes, vigie::InputFormat::Text, d.raw.origin);
    vigie::find_paragraphs(doc);
    out.push_back(std::move(doc));
  }
  return out;
}

void BM_Sentences(benchmark::State& state, const std::string& lang) {
  auto docs = clean_docs(lang);
  vigie::SentenceSplitter splitter(*languages().find(lang));
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (auto& d : docs) {
      splitter.annotate(d);
      bytes += d.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_SentencesAndTokens(benchmark::State& state, const std::string& lang) {
  auto docs = clean_docs(lang);
  vigie::SentenceSplitter splitter(*languages().find(lang));
  vigie::Tokenizer tokenizer(*languages().find(lang));
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (auto& d : docs) {
      splitter.annotate(d);
      tokenizer.annotate(d);
      bytes += d.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_TextLayer(benchmark::State& state, const std::string& lang) {
  auto docs = clean_docs(lang);
  vigie::Pipeline pipeline(languages(), {});
  const auto& pack = *languages().find(lang);
  // Untimed pass: the word caches start warm, as in a long batch (corpus_timer shows the cold
  // pass separately).
  for (auto& d : docs) pipeline.analyse(d, pack);
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (auto& d : docs) {
      pipeline.analyse(d, pack);
      bytes += d.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

BENCHMARK_CAPTURE(BM_Sentences, fr, std::string("fr"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Sentences, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SentencesAndTokens, fr, std::string("fr"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SentencesAndTokens, en, std::string("en"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TextLayer, fr, std::string("fr"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TextLayer, en, std::string("en"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
