#pragma once
// Runs the pipeline over a stream of inputs with N threads, delivering results in input order
// (oneTBB parallel_pipeline: serial read → parallel process → serial, ordered delivery).
#include <atomic>
#include <cstddef>
#include <functional>

#include "input/input_reader.h"
#include "pipeline/pipeline.h"

namespace vigie {

struct BatchCounts {
  std::size_t documents = 0;  ///< processed successfully
  std::size_t failed = 0;     ///< inputs that became problems
  std::size_t events = 0;
  std::size_t skipped = 0;  ///< documents the admit hook turned away
};

/// Optional hooks of a batch, both called from the reading thread.
struct BatchControl {
  /// False leaves a document out before any work is done (a store that already holds it).
  std::function<bool(const RawDocument&)> admit;
  /// Once set, no further input is read; documents already read are finished and delivered.
  const std::atomic<bool>* stop = nullptr;
};

/// Calls `deliver` once per input item, in input order, from one thread at a time.
BatchCounts run_batch(InputReader& reader, const Pipeline& pipeline, int threads,
                      const std::function<void(ProcessedDocument&)>& deliver,
                      const BatchControl& control = {});

}  // namespace vigie
