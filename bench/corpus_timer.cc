// Whole-corpus timer: the full per-document pipeline (clean, language, sentences, tokens,
// morphology) over the benchmark corpus, repeated, with 1..N threads; prints documents/s,
// sentences/s, MB/s and peak RSS.
//   ./build/bench/corpus_timer --repeat 3 --threads 1,2
#include <sys/resource.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <iostream>

#include "bench_corpus.h"
#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  CLI::App app{"Throughput of vigie's text layer over the benchmark corpus"};
  int repeat = 3;
  std::vector<int> threads{1, 2};
  std::string shared;
  app.add_option("--repeat", repeat, "Passes over the corpus per measurement");
  app.add_option("--threads", threads, "Thread counts to measure")->delimiter(',');
  app.add_option("--shared", shared, "The shared/ folder (default: ../shared beside the repo)");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "List the documents that fail, with the reason");
  CLI11_PARSE(app, argc, argv);

  const auto corpus = vigie::bench::load_corpus(shared);
  const std::size_t bytes = vigie::bench::total_bytes(corpus);
  vigie::LanguageRegistry languages(vigie::default_lang_root());
  vigie::Pipeline pipeline(languages, {});
  std::cout << "corpus: " << corpus.size() << " documents, " << std::fixed << std::setprecision(2)
            << bytes / 1e6 << " MB\n";

  for (int n : threads) {
    tbb::task_arena arena(n);
    // One untimed pass fills the per-thread word caches, as in a long-running batch.
    std::atomic<std::size_t> sentences{0}, failed{0};
    auto pass = [&] {
      arena.execute([&] {
        tbb::parallel_for(std::size_t(0), corpus.size(), [&](std::size_t i) {
          auto r = pipeline.process(corpus[i].raw);
          if (r.doc) {
            sentences += r.doc->sentences.size();
          } else {
            ++failed;
            if (verbose) std::cerr << r.problem->describe() << "\n";
          }
        });
      });
    };
    const auto cold_start = std::chrono::steady_clock::now();
    pass();
    const double cold =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - cold_start).count();
    std::cout << "threads=" << n << "  first pass (cold caches): " << std::setprecision(2) << cold
              << " s, " << bytes / cold / 1e6 << " MB/s\n";
    sentences = 0;
    failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) pass();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::cout << "threads=" << n << "  warm: " << std::setprecision(0) << corpus.size() * repeat / s
              << " docs/s  " << sentences / s << " sentences/s  " << std::setprecision(2)
              << bytes * repeat / s / 1e6 << " MB/s  (" << failed / repeat
              << " docs failed, peak RSS " << usage.ru_maxrss / 1024 << " MB)\n";
  }
  return 0;
}
