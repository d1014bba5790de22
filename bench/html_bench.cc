// Google Benchmark of HTML cleaning (issue #13 asks for at least 30 MB of HTML per second per
// core) on the 181 real pages of ../shared/data/article-extraction, read once before timing:
//   ./build/bench/html_bench [--shared DIR]
// BM_ParseOnly is gumbo's own share; BM_ArticleText is the whole cleaning: parse, metadata,
// scoring, text. Bytes are HTML bytes.
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <cstring>
#include <filesystem>
#include <iostream>

#include "clean/html_extractor.h"
#include "input/input_reader.h"
#include "lang/language_pack.h"

namespace {

std::string g_shared;

const std::vector<std::string>& pages() {
  static const std::vector<std::string> loaded = [] {
    const std::filesystem::path dir =
        (g_shared.empty() ? std::filesystem::path(VIGIE_SOURCE_DIR) / ".." / "shared"
                          : std::filesystem::path(g_shared)) /
        "data" / "article-extraction" / "html";
    std::vector<std::string> out;
    vigie::InputReader reader({dir.string()});
    vigie::InputItem item;
    while (reader.next(item)) {
      if (auto* raw = std::get_if<vigie::RawDocument>(&item)) out.push_back(std::move(raw->bytes));
    }
    if (out.empty()) {
      std::cerr << "html_bench: no page read from " << dir.string() << "\n";
      std::exit(1);
    }
    return out;
  }();
  return loaded;
}

void BM_ParseOnly(benchmark::State& state) {
  pages();  // read before timing
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages()) {
      GumboOptions options = kGumboDefaultOptions;
      options.max_errors = 0;
      GumboOutput* out = gumbo_parse_with_options(&options, page.data(), page.size());
      benchmark::DoNotOptimize(out->root);
      gumbo_destroy_output(&options, out);
      bytes += page.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_ArticleText(benchmark::State& state) {
  const vigie::LanguageRegistry languages(vigie::default_lang_root());
  const vigie::BoilerplateFilter boilerplate(languages);
  const vigie::HtmlExtractor extractor(boilerplate);
  pages();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& page : pages()) {
      auto article = extractor.extract(page);
      benchmark::DoNotOptimize(article.text.data());
      bytes += page.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ArticleText)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--shared") == 0 && i + 1 < argc) g_shared = argv[i + 1];
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
