#include "pipeline/batch_runner.h"

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

namespace vigie {

namespace {

// The next input the batch should process, or nullptr when reading is over or was stopped.
std::unique_ptr<InputItem> next_admitted(InputReader& reader, const BatchControl& control,
                                         std::size_t& skipped) {
  auto item = std::make_unique<InputItem>();
  while (!(control.stop && control.stop->load())) {
    if (!reader.next(*item)) return nullptr;
    const auto* raw = std::get_if<RawDocument>(item.get());
    if (!raw || !control.admit || control.admit(*raw)) return item;
    ++skipped;
  }
  return nullptr;
}

}  // namespace

BatchCounts run_batch(InputReader& reader, const Pipeline& pipeline, int threads,
                      const std::function<void(ProcessedDocument&)>& deliver,
                      const BatchControl& control) {
  BatchCounts counts;
  threads = std::max(1, threads);
  tbb::task_arena arena(threads);
  // Two documents in flight per thread keeps every thread busy; more only costs memory.
  const std::size_t in_flight = static_cast<std::size_t>(threads) * 2;
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight, tbb::make_filter<void, InputItem*>(tbb::filter_mode::serial_in_order,
                                                      [&](tbb::flow_control& fc) -> InputItem* {
                                                        auto item = next_admitted(reader, control,
                                                                                  counts.skipped);
                                                        if (!item) fc.stop();
                                                        return item.release();
                                                      }) &
                       tbb::make_filter<InputItem*, ProcessedDocument*>(
                           tbb::filter_mode::parallel,
                           [&](InputItem* item) -> ProcessedDocument* {
                             std::unique_ptr<InputItem> owned(item);
                             auto result = std::make_unique<ProcessedDocument>();
                             if (auto* problem = std::get_if<InputProblem>(owned.get())) {
                               result->problem = std::move(*problem);
                             } else {
                               *result = pipeline.process(std::move(std::get<RawDocument>(*owned)));
                             }
                             return result.release();
                           }) &
                       tbb::make_filter<ProcessedDocument*, void>(
                           tbb::filter_mode::serial_in_order, [&](ProcessedDocument* processed) {
                             std::unique_ptr<ProcessedDocument> owned(processed);
                             if (owned->problem) {
                               ++counts.failed;
                             } else {
                               ++counts.documents;
                               counts.events += owned->events.size();
                             }
                             deliver(*owned);
                           }));
  });
  return counts;
}

}  // namespace vigie
