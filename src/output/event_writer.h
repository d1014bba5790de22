#pragma once
// Event writers: JSON Lines (the contract), CSV with ACLED's column names, GeoJSON. Each writes
// to a stream as records arrive; begin/end frame formats that need it (CSV header, GeoJSON).
#include <memory>
#include <ostream>
#include <string>

#include "output/event_record.h"

namespace vigie {

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void begin() {}
  virtual void write(const EventRecord& record) = 0;
  virtual void end() {}
};

enum class OutputFormat { Jsonl, Csv, GeoJson };

/// Nullptr for an unknown format name; known: "jsonl", "csv", "geojson".
std::unique_ptr<EventWriter> make_event_writer(const std::string& format, std::ostream& out);

/// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace vigie
