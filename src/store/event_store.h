#pragma once
// Where ingested articles, their event records and the incidents they report are kept. One
// interface, several backends (SQLite file by default); every command and the HTTP API go through
// it, and every backend clusters incidents with the same rules (store/incident_rules).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "store/incident_summary.h"

namespace vigie {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a query keeps: every condition given must hold. Dates select events whose interval
/// overlaps [from, to]; `type` matches an event type or a sub-event type; `actor` is a piece of
/// an actor's name (any role), case-insensitive; `text` are words of the article (all of them).
struct EventFilter {
  std::optional<std::string> country;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> type;
  std::optional<std::string> actor;
  struct Near {
    double lat = 0;
    double lon = 0;
    double km = 0;
  };
  std::optional<Near> near;
  std::optional<std::string> text;
  std::optional<std::int64_t> incident;
  std::size_t limit = 0;  ///< 0: no limit
  std::size_t offset = 0;
};

struct StoredDocument {
  std::int64_t id = 0;
  Metadata meta;  ///< meta.id is the input's own id (path, feed id); meta.content_hash its bytes
  std::string lang;
  std::string text;  ///< the text the records' offsets count code points in
  std::string ingested_at;
};

/// One document's evidence for one field of one record: the words, where they stand.
struct Evidence {
  std::string
      field;  ///< event, date, location, actor1, actor2, assoc_actor1, …, fatalities, source
  std::uint64_t start = 0;  ///< code points
  std::uint64_t end = 0;
  std::string text;
};

struct IngestOutcome {
  bool added = false;  ///< false: the store already held these bytes; nothing was written
  std::int64_t document_id = 0;
  int events = 0;
  int new_incidents = 0;     ///< incidents this document's records opened
  int joined_incidents = 0;  ///< earlier incidents they joined as further reports
};

enum class StatsKey { Week, Month, Type, Country, Actor };

struct StatsRow {
  std::string key;
  std::int64_t events = 0;
  std::int64_t incidents = 0;
  std::int64_t fatalities = 0;  ///< sum of the incidents' merged figures
};

/// A store is used by one thread at a time; threads that work in parallel open one each.
/// A record, or an incident, as a marker on a map shows it: where, what, when, how deadly.
struct MapPoint {
  std::int64_t id = 0;  ///< the record's, or the incident's
  double lat = 0;
  double lon = 0;
  std::string event_type;
  std::optional<std::string> date_start;
  std::optional<std::string> location;  ///< a record's place name
  std::optional<int> fatalities;
  int reports = 1;  ///< an incident's records
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  /// Content hashes of every stored document, to skip inputs before processing them.
  virtual std::unordered_set<std::string> document_hashes() = 0;

  /// In one transaction: the document (unless its hash is there), its records with their
  /// evidence, and each record's incident (an earlier one it reports, or a new one).
  virtual IngestOutcome add_document(const Document& doc,
                                     const std::vector<EventRecord>& events) = 0;

  /// Records, the latest first (by first day; undated last), then the last ingested first.
  virtual std::vector<StoredEvent> find_events(const EventFilter& filter) = 0;
  /// A page of the same records as JSON text, as stored_event_json() writes them (no decoding:
  /// for pages served as they are), with the number of records the filter keeps in all.
  struct JsonPage {
    std::int64_t total = 0;
    std::vector<std::string> records;
  };
  virtual JsonPage find_event_json(const EventFilter& filter) = 0;
  virtual std::int64_t count_events(const EventFilter& filter) = 0;
  /// The records the filter keeps that have coordinates, as map points, in the order of
  /// find_events(); `filter.limit` caps them (0: all).
  virtual std::vector<MapPoint> find_points(const EventFilter& filter) = 0;
  /// The incidents with a record the filter keeps, at their merged place (those with
  /// coordinates), the latest first; `filter.limit` caps them (0: all).
  virtual std::vector<MapPoint> find_incident_points(const EventFilter& filter) = 0;
  virtual std::optional<StoredEvent> event(std::int64_t id) = 0;
  virtual std::vector<Evidence> evidence(std::int64_t event_id) = 0;
  virtual std::optional<StoredDocument> document(std::int64_t id) = 0;

  /// Incidents with at least one record the filter keeps, the latest first.
  virtual std::vector<IncidentSummary> find_incidents(const EventFilter& filter) = 0;
  virtual std::int64_t count_incidents(const EventFilter& filter) = 0;

  virtual std::vector<StatsRow> stats(const EventFilter& filter, StatsKey key) = 0;
};

/// Opens (creating if needed) the store at `location`: a PostgreSQL URI (postgresql://…, the
/// shared backend) or else a file path (SQLite). Throws StoreError with the reason when it cannot.
std::unique_ptr<EventStore> open_event_store(const std::string& location);

/// True for postgresql:// and postgres:// URIs.
bool is_database_url(const std::string& location);

}  // namespace vigie
