#pragma once
// Progress of a long run on standard error: a line redrawn in place on a terminal, plain log
// lines at intervals otherwise (a log file or CI output must not fill with carriage returns).
#include <chrono>
#include <cstddef>
#include <ostream>

namespace vigie {

struct ProgressCounts {
  std::size_t documents = 0;
  std::size_t skipped = 0;
  std::size_t failed = 0;
  std::size_t events = 0;
  std::size_t incidents_joined = 0;
};

class ProgressReporter {
 public:
  ProgressReporter(std::ostream& out, bool terminal, bool enabled);
  /// Shows the counts if enough time has passed since the last line.
  void update(const ProgressCounts& counts);
  /// The last line, always shown (when enabled), ending the redrawn line on a terminal.
  void finish(const ProgressCounts& counts);

 private:
  void print(const ProgressCounts& counts, bool final);

  std::ostream& out_;
  bool terminal_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace vigie
