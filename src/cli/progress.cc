#include "cli/progress.h"

#include <cstdio>

namespace vigie {

namespace {
constexpr auto kTerminalInterval = std::chrono::milliseconds(100);
constexpr auto kLogInterval = std::chrono::seconds(10);
}  // namespace

ProgressReporter::ProgressReporter(std::ostream& out, bool terminal, bool enabled)
    : out_(out),
      terminal_(terminal),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void ProgressReporter::update(const ProgressCounts& counts) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < (terminal_ ? kTerminalInterval : kLogInterval)) return;
  last_ = now;
  print(counts, false);
}

void ProgressReporter::finish(const ProgressCounts& counts) {
  if (enabled_) print(counts, true);
}

void ProgressReporter::print(const ProgressCounts& c, bool final) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(c.documents) / seconds : 0;
  char line[256];
  std::snprintf(line, sizeof line,
                "%zu documents stored (%.1f/s), %zu already stored, %zu failed; %zu events, %zu "
                "joined earlier incidents; %.1f s",
                c.documents, rate, c.skipped, c.failed, c.events, c.incidents_joined, seconds);
  if (terminal_) {
    out_ << "\r\033[K"
         << "vigie ingest: " << line << (final ? "\n" : "") << std::flush;
  } else {
    out_ << "vigie ingest: " << line << "\n" << std::flush;
  }
}

}  // namespace vigie
