#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <strings.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <mutex>
#include <set>
#include <variant>

#include "store/evidence.h"
#include "store/incident_rules.h"
#include "store/postgres_store.h"
#include "store/record_rows.h"
#include "store/sqlite_schema.h"
#include "store/stored_json.h"

namespace vigie {

namespace {

using Value = StoreValue;

constexpr double kRadians = 3.14159265358979323846 / 180.0;

constexpr const char* kEventColumns =
    "SELECT e.id, e.document_id, e.incident_id, r.record FROM events e JOIN event_records r ON "
    "r.event_id = e.id";

// What a filter selects: rows `e` of `source` (the events table, or a narrower table that holds
// the columns the filter needs) that meet `sql`. Values bind in that order.
struct Where {
  std::string source = "events e";
  std::vector<Value> source_values;
  std::string sql;  ///< " WHERE …" or empty
  std::vector<Value> values;
  /// For a place filter, the same test on a row of `events e`: a page of a dense match set walks
  /// the date index testing each row, instead of gathering the set first.
  std::string row_test;
  std::vector<Value> row_test_values;
  bool by_actor = false;  ///< the narrow source is the actor index
  std::vector<Value> all_values() const {
    auto out = source_values;
    out.insert(out.end(), values.begin(), values.end());
    return out;
  }
};

void bind_all(SQLite::Statement& st, const std::vector<Value>& values, int first = 1) {
  int i = first;
  for (const auto& v : values) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            st.bind(i);
          } else {
            st.bind(i, x);
          }
        },
        v);
    ++i;
  }
}

// "Moura" → "\"Moura\""; each word becomes a quoted FTS5 string, so no user text is read as
// query syntax and every word must be present.
std::string fts_query(const std::string& text) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

// The box around a circle (lowest and highest latitude, then longitude) and the circle: the box
// holds every point the distance keeps, being measured at the latitude farthest from the equator
// (where a degree of longitude is shortest) with a degree taken a little shorter than it is.
std::vector<Value> near_values(const EventFilter::Near& n) {
  constexpr double kKmPerDegreeBelow = 111.0;  // 111.19 on distance_km()'s sphere
  const double dlat = n.km / kKmPerDegreeBelow;
  const double widest = std::min(89.9, std::max(std::abs(n.lat - dlat), std::abs(n.lat + dlat)));
  const double dlon =
      std::min(180.0, n.km / (kKmPerDegreeBelow * std::max(0.01, std::cos(widest * kRadians))));
  return {n.lat - dlat, n.lat + dlat, n.lon - dlon, n.lon + dlon, n.lat, n.lon, n.km};
}

// `max_span_days`: the widest date interval stored, which bounds how early an event that
// overlaps `from` can start, so the date index narrows the scan from both sides.
// A filter that only asks for a place (near) or an actor, and days, is answered from the R*Tree or
// the actor index, which carry the days: the days are tested before any row of `events` is read
// (a place's matches then for their coordinates alone). `narrow` allows it (record pages and
// counts; incidents and stats need the events' columns).
Where where_of(const EventFilter& f, long max_span_days, bool narrow = false) {
  Where w;
  std::vector<std::string> parts;
  const bool days_only = !f.country && !f.type && !f.text && !f.incident;
  if (narrow && days_only && f.near && !f.actor) {
    // The R*Tree boxes the point; the distance from the record's own coordinates decides, as on
    // the other paths (the R*Tree keeps 32-bit bounds, centimetres off).
    w.source =
        "(SELECT r.id, r.date_start, r.date_end FROM events_rtree r JOIN events x ON x.id = r.id "
        "WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ? AND "
        "distance_km(x.lat, x.lon, ?, ?) <= ?) e";
    w.source_values = near_values(*f.near);
    w.row_test =
        "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND distance_km(e.lat, e.lon, ?, ?) <= ?";
    w.row_test_values = w.source_values;
  } else if (narrow && days_only && f.actor && !f.near) {
    w.source =
        "(SELECT DISTINCT a.event_id AS id, a.date_start, a.date_end FROM event_actors a WHERE "
        "a.name IN (SELECT n.name FROM actor_names n WHERE n.name LIKE ? ESCAPE '\\')) e";
    w.source_values = {like_pattern(*f.actor)};
    w.by_actor = true;
  }
  const bool narrowed = w.source != "events e";
  if (f.country) {
    parts.push_back("e.country = ?");
    w.values.emplace_back(*f.country);
  }
  if (f.from) {
    parts.push_back("e.date_end >= ? AND e.date_start >= date(?, ?)");
    w.values.emplace_back(*f.from);
    w.values.emplace_back(*f.from);
    w.values.emplace_back("-" + std::to_string(max_span_days) + " days");
  }
  if (f.to) {
    parts.push_back("e.date_start <= ?");
    w.values.emplace_back(*f.to);
  }
  if (f.type) {
    // One of ACLED's six types, or else a sub-event type: one indexed equality either way.
    parts.push_back(is_event_type(*f.type) ? "e.event_type = ? COLLATE NOCASE"
                                           : "e.sub_event_type = ? COLLATE NOCASE");
    w.values.emplace_back(*f.type);
  }
  if (f.actor && !narrowed) {
    // The pattern runs over the few distinct names; the records then come from the name index.
    parts.push_back(
        "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.name IN (SELECT n.name FROM "
        "actor_names n WHERE n.name LIKE ? ESCAPE '\\'))");
    w.values.emplace_back(like_pattern(*f.actor));
  }
  if (f.near && !narrowed) {
    // The R*Tree narrows to a box around the point; the exact distance decides.
    parts.push_back(
        "e.id IN (SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= "
        "? AND min_lon <= ?) AND distance_km(e.lat, e.lon, ?, ?) <= ?");
    const auto values = near_values(*f.near);
    w.values.insert(w.values.end(), values.begin(), values.end());
  }
  if (f.text) {
    parts.push_back(
        "e.document_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)");
    w.values.emplace_back(fts_query(*f.text));
  }
  if (f.incident) {
    parts.push_back("e.incident_id = ?");
    w.values.emplace_back(*f.incident);
  }
  for (std::size_t i = 0; i < parts.size(); ++i) w.sql += (i == 0 ? " WHERE " : " AND ") + parts[i];
  return w;
}

std::string paging(const EventFilter& f);

// " AND …" for the conditions of `w.sql`, or nothing.
std::string and_conditions(const Where& w) {
  return w.sql.empty() ? "" : " AND " + w.sql.substr(7);
}

// A page of records as a subquery `p` (id, date_start), newest first: the small rows are sorted
// and cut, then the caller joins what it needs for that page alone.
struct Page {
  std::string sql;
  std::vector<Value> values;
};

Page page_of(const Where& w, const EventFilter& f) {
  return {"(SELECT e.id, e.date_start FROM " + w.source + w.sql +
              " ORDER BY e.date_start DESC, e.id DESC" + paging(f) + ") p",
          w.all_values()};
}

// A place filter's page read along the date index, each row tested on its own: the page's
// offset + limit matches come after about (offset + limit) × records / matches rows, which for a
// dense place is far fewer than the matches page_of() gathers first.
Page walked_page_of(const Where& w, const EventFilter& f) {
  Page p{"(SELECT e.id, e.date_start FROM events e INDEXED BY events_by_date WHERE " + w.row_test +
             and_conditions(w) + " ORDER BY e.date_start DESC, e.id DESC" + paging(f) + ") p",
         w.row_test_values};
  p.values.insert(p.values.end(), w.values.begin(), w.values.end());
  return p;
}

// An actor filter's page from the name index: the first offset + limit records of each name the
// pattern matches, merged. Every record of the page is among the first offset + limit of each of
// its names (DISTINCT: a name in two roles of one record counts once), so the merge misses none.
Page actor_page_of(const Where& w, const EventFilter& f, const std::vector<std::string>& names) {
  const std::string keep = std::to_string(f.offset + f.limit);
  Page p;
  std::string merged;
  for (const auto& name : names) {
    merged += merged.empty() ? "" : " UNION ";
    merged +=
        "SELECT * FROM (SELECT DISTINCT e.event_id AS id, e.date_start FROM event_actors e WHERE "
        "e.name = ?" +
        and_conditions(w) + " ORDER BY e.date_start DESC, e.event_id DESC LIMIT " + keep + ")";
    p.values.emplace_back(name);
    p.values.insert(p.values.end(), w.values.begin(), w.values.end());
  }
  p.sql = "(SELECT id, date_start FROM (" + merged + ") ORDER BY date_start DESC, id DESC" +
          paging(f) + ") p";
  return p;
}

std::string paging(const EventFilter& f) {
  std::string out;
  if (f.limit > 0 || f.offset > 0) {
    out += " LIMIT " + std::to_string(f.limit > 0 ? static_cast<long long>(f.limit) : -1LL);
    out += " OFFSET " + std::to_string(f.offset);
  }
  return out;
}

void sql_distance_km(sqlite3_context* ctx, int, sqlite3_value** v) {
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_value_type(v[i]) == SQLITE_NULL) {
      sqlite3_result_null(ctx);
      return;
    }
  }
  sqlite3_result_double(ctx, distance_km(sqlite3_value_double(v[0]), sqlite3_value_double(v[1]),
                                         sqlite3_value_double(v[2]), sqlite3_value_double(v[3])));
}

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// Memory statistics make every SQLite allocation take one process-wide mutex: with a connection
// per server thread, a third of a query's time went to that lock (perf, bench/load_test.sh).
// Set once, before SQLite initialises itself.
void configure_sqlite() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

class SqliteStore final : public EventStore {
 public:
  // NOMUTEX: a store (one connection) is used by one thread at a time, which the interface
  // requires (the server keeps one per worker thread).
  explicit SqliteStore(const std::filesystem::path& path)
      : db_((configure_sqlite(), path.string()),
            SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 10000) {
    db_.exec("PRAGMA journal_mode = WAL");
    // NORMAL in WAL mode: a committed transaction survives the process being killed; only a
    // power cut may take back the last ones.
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
    // Reads through a memory map and a 32 MiB page cache: without them, a store of 100,000
    // records spends a third of its time copying pages from the kernel (perf, store_filler).
    db_.exec("PRAGMA mmap_size = 1073741824");
    db_.exec("PRAGMA cache_size = -32768");
    {
      // The version is read under the write lock, so two processes never upgrade one store twice.
      SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
      const int version = db_.execAndGet("PRAGMA user_version").getInt();
      if (version > kSqliteSchemaVersion) {
        throw StoreError(path.string() + ": store made by a newer vigie (schema " +
                         std::to_string(version) + ", this one reads " +
                         std::to_string(kSqliteSchemaVersion) + ")");
      }
      for (int v = version; v < kSqliteSchemaVersion; ++v) db_.exec(kSqliteUpgrades[v]);
      db_.exec(kSqliteSchema);
      db_.exec("PRAGMA user_version = " + std::to_string(kSqliteSchemaVersion));
      tx.commit();
    }
    db_.createFunction("distance_km", 4, true, nullptr, &sql_distance_km);
  }

  std::unordered_set<std::string> document_hashes() override {
    std::unordered_set<std::string> out;
    SQLite::Statement st(db_, "SELECT content_hash FROM documents");
    while (st.executeStep()) out.insert(st.getColumn(0).getString());
    return out;
  }

  IngestOutcome add_document(const Document& doc, const std::vector<EventRecord>& events) override {
    IngestOutcome outcome;
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement ins(db_,
                          "INSERT INTO documents (content_hash, doc_key, source, url, title, "
                          "published, lang, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?) "
                          "ON CONFLICT (content_hash) DO NOTHING");
    bind_all(ins, {doc.meta.content_hash, doc.meta.id, store_value(doc.meta.source),
                   store_value(doc.meta.url), store_value(doc.meta.title),
                   store_value(doc.meta.published), doc.language.code, doc.text(), utc_now()});
    if (ins.exec() == 0) return outcome;  // another ingest stored these bytes first
    outcome.added = true;
    outcome.document_id = db_.getLastInsertRowid();
    SQLite::Statement fts(db_, "INSERT INTO documents_fts (rowid, text) VALUES (?, ?)");
    bind_all(fts, {outcome.document_id, doc.text()});
    fts.exec();

    std::set<std::int64_t> taken;
    for (const auto& group : article_incidents(events)) {
      std::int64_t incident = matching_incident(group, outcome.document_id, taken);
      if (incident == 0) {
        db_.exec("INSERT INTO incidents DEFAULT VALUES");
        incident = db_.getLastInsertRowid();
        ++outcome.new_incidents;
      } else {
        ++outcome.joined_incidents;
      }
      taken.insert(incident);
      for (const auto* r : group) insert_event(*r, outcome.document_id, incident, doc.text());
      outcome.events += static_cast<int>(group.size());
      refresh_incident(incident);
    }
    tx.commit();
    ++writes_;
    return outcome;
  }

  std::vector<StoredEvent> find_events(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days(), true);
    const Page p = page(w, f, std::nullopt);
    SQLite::Statement st(db_, "SELECT p.id, e.document_id, e.incident_id, r.record FROM " + p.sql +
                                  " JOIN events e ON e.id = p.id JOIN event_records r ON "
                                  "r.event_id = p.id ORDER BY p.date_start DESC, p.id DESC");
    bind_all(st, p.values);
    return read_events(st);
  }

  JsonPage find_event_json(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days(), true);
    JsonPage page;
    page.total = count_of(w);
    const Page p = this->page(w, f, page.total);
    SQLite::Statement st(db_, "SELECT r.record FROM " + p.sql +
                                  " JOIN event_records r ON r.event_id = p.id ORDER BY "
                                  "p.date_start DESC, p.id DESC");
    bind_all(st, p.values);
    while (st.executeStep()) page.records.push_back(st.getColumn(0).getString());
    return page;
  }

  std::int64_t count_events(const EventFilter& f) override {
    return count_of(where_of(f, max_span_days(), true));
  }

  // The records of a narrow where_of(), counted (or from the cache).
  std::int64_t count_of(const Where& w) {
    const std::string sql = "SELECT COUNT(*) FROM " + w.source + w.sql;
    const std::string key = cache_key(sql, w.all_values());
    if (auto cached = cached_count(key)) return *cached;
    SQLite::Statement st(db_, sql);
    bind_all(st, w.all_values());
    st.executeStep();
    const std::int64_t n = st.getColumn(0).getInt64();
    counts_.emplace(key, n);
    return n;
  }

  std::vector<MapPoint> find_points(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days());
    SQLite::Statement st(db_,
                         std::string("SELECT e.id, e.lat, e.lon, e.event_type, e.date_start, ") +
                             "e.location, e.fatalities, 1 FROM events e" +
                             (w.sql.empty() ? std::string(" WHERE") : w.sql + " AND") +
                             " e.lat IS NOT NULL AND e.lon IS NOT NULL ORDER BY e.date_start "
                             "DESC, e.id DESC" +
                             paging(f));
    bind_all(st, w.values);
    return read_points(st);
  }

  std::vector<MapPoint> find_incident_points(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days());
    SQLite::Statement st(
        db_,
        "SELECT i.id, i.lat, i.lon, i.event_type, i.date_start, NULL, i.fatalities, "
        "i.reports" +
            incidents_of(w) + " AND i.lat IS NOT NULL AND i.lon IS NOT NULL" + newest_incidents(f));
    bind_all(st, w.values);
    return read_points(st);
  }

  std::optional<StoredEvent> event(std::int64_t id) override {
    SQLite::Statement st(db_, std::string(kEventColumns) + " WHERE e.id = ?");
    st.bind(1, id);
    auto found = read_events(st);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

  std::vector<Evidence> evidence(std::int64_t event_id) override {
    SQLite::Statement st(
        db_, "SELECT field, start, end, text FROM evidence WHERE event_id = ? ORDER BY rowid");
    st.bind(1, event_id);
    std::vector<Evidence> out;
    while (st.executeStep()) {
      out.push_back(
          {st.getColumn(0).getString(), static_cast<std::uint64_t>(st.getColumn(1).getInt64()),
           static_cast<std::uint64_t>(st.getColumn(2).getInt64()), st.getColumn(3).getString()});
    }
    return out;
  }

  std::optional<StoredDocument> document(std::int64_t id) override {
    SQLite::Statement st(db_,
                         "SELECT id, content_hash, doc_key, source, url, title, published, lang, "
                         "text, ingested_at FROM documents WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    StoredDocument d;
    d.id = st.getColumn(0).getInt64();
    d.meta.content_hash = st.getColumn(1).getString();
    d.meta.id = st.getColumn(2).getString();
    d.meta.source = text_or_null(st.getColumn(3));
    d.meta.url = text_or_null(st.getColumn(4));
    d.meta.title = text_or_null(st.getColumn(5));
    d.meta.published = text_or_null(st.getColumn(6));
    d.lang = st.getColumn(7).getString();
    d.text = st.getColumn(8).getString();
    d.ingested_at = st.getColumn(9).getString();
    return d;
  }

  std::vector<IncidentSummary> find_incidents(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days());
    SQLite::Statement st(db_,
                         "SELECT i.id, i.event_type, i.sub_event_type, i.country, i.date_start, "
                         "i.date_end, i.lat, i.lon, i.fatalities, i.reports, i.documents, "
                         "i.competing, i.summary" +
                             incidents_of(w) + newest_incidents(f));
    bind_all(st, w.values);
    std::vector<IncidentSummary> out;
    while (st.executeStep()) {
      IncidentSummary s;
      s.id = st.getColumn(0).getInt64();
      s.event_type = st.getColumn(1).getString();
      s.sub_event_type = st.getColumn(2).getString();
      s.country = text_or_null(st.getColumn(3));
      s.date_start = text_or_null(st.getColumn(4));
      s.date_end = text_or_null(st.getColumn(5));
      if (!st.getColumn(6).isNull()) s.lat = st.getColumn(6).getDouble();
      if (!st.getColumn(7).isNull()) s.lon = st.getColumn(7).getDouble();
      if (!st.getColumn(8).isNull()) s.fatalities = st.getColumn(8).getInt();
      s.reports = st.getColumn(9).getInt();
      s.documents = st.getColumn(10).getInt();
      s.competing = st.getColumn(11).getInt() != 0;
      s.json = nlohmann::ordered_json::parse(st.getColumn(12).getString());
      out.push_back(std::move(s));
    }
    return out;
  }

  std::int64_t count_incidents(const EventFilter& f) override {
    const Where w = where_of(f, max_span_days());
    SQLite::Statement st(db_, "SELECT COUNT(DISTINCT e.incident_id) FROM events e" + w.sql);
    bind_all(st, w.values);
    st.executeStep();
    return st.getColumn(0).getInt64();
  }

  std::vector<StatsRow> stats(const EventFilter& f, StatsKey key) override {
    // The Monday that starts the event's week.
    const auto [key_sql, join] = stats_grouping(
        key,
        "date(e.date_start, '-' || ((CAST(strftime('%w', e.date_start) AS INTEGER) + 6) % 7) || "
        "' days')");
    const Where w = where_of(f, max_span_days());
    SQLite::Statement st(
        db_, "SELECT k, SUM(n), COUNT(*), SUM(COALESCE(f, 0)) FROM (SELECT " + key_sql +
                 " AS k, e.incident_id, COUNT(DISTINCT e.id) AS n, MAX(i.fatalities) "
                 "AS f FROM events e JOIN incidents i ON i.id = e.incident_id" +
                 join + w.sql + " GROUP BY k, e.incident_id) GROUP BY k ORDER BY k IS NULL, k");
    bind_all(st, w.values);
    std::vector<StatsRow> out;
    while (st.executeStep()) {
      out.push_back({text_or_null(st.getColumn(0)).value_or("(none)"), st.getColumn(1).getInt64(),
                     st.getColumn(2).getInt64(), st.getColumn(3).getInt64()});
    }
    return out;
  }

 private:
  // The cheapest way to a page: an actor's from the name index; a dense place's along the date
  // index (`matches`, the filter's total, when known, tells how dense); else page_of().
  Page page(const Where& w, const EventFilter& f, std::optional<std::int64_t> matches) {
    if (f.limit == 0) return page_of(w, f);
    if (w.by_actor) {
      const auto names = actor_names_like(*f.actor);
      if (!names.empty() && names.size() <= kMaxMergedNames) return actor_page_of(w, f, names);
    }
    if (!w.row_test.empty() && matches &&
        walking_is_cheaper(f, count_events(days_of(f)), *matches, kGatheredRowCost)) {
      return walked_page_of(w, f);
    }
    return page_of(w, f);
  }

  std::vector<std::string> actor_names_like(const std::string& pattern) {
    SQLite::Statement st(db_, "SELECT name FROM actor_names WHERE name LIKE ? ESCAPE '\\'");
    st.bind(1, like_pattern(pattern));
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
  }

  // " FROM incidents i WHERE …": the incidents of the records `w` keeps.
  static std::string incidents_of(const Where& w) {
    return " FROM incidents i WHERE i.id IN (SELECT e.incident_id FROM events e" + w.sql + ")";
  }
  static std::string newest_incidents(const EventFilter& f) {
    return " ORDER BY i.date_start DESC, i.id DESC" + paging(f);
  }

  // Rows of id, latitude, longitude, event type, first day, place name, deaths, reports.
  static std::vector<MapPoint> read_points(SQLite::Statement& st) {
    std::vector<MapPoint> out;
    while (st.executeStep()) {
      MapPoint p;
      p.id = st.getColumn(0).getInt64();
      p.lat = st.getColumn(1).getDouble();
      p.lon = st.getColumn(2).getDouble();
      p.event_type = text_or_null(st.getColumn(3)).value_or("");
      p.date_start = text_or_null(st.getColumn(4));
      p.location = text_or_null(st.getColumn(5));
      if (!st.getColumn(6).isNull()) p.fatalities = st.getColumn(6).getInt();
      p.reports = st.getColumn(7).getInt();
      out.push_back(std::move(p));
    }
    return out;
  }

  static std::vector<StoredEvent> read_events(SQLite::Statement& st) {
    std::vector<StoredEvent> out;
    while (st.executeStep()) {
      StoredEvent e;
      e.id = st.getColumn(0).getInt64();
      e.document_id = st.getColumn(1).getInt64();
      e.incident_id = st.getColumn(2).getInt64();
      e.record = stored_record_from_json(st.getColumn(3).getString());
      out.push_back(std::move(e));
    }
    return out;
  }

  long max_span_days() {
    SQLite::Statement st(db_, "SELECT value FROM store_meta WHERE key = 'max_span_days'");
    return st.executeStep() ? static_cast<long>(st.getColumn(0).getInt64()) : 0;
  }

  std::vector<StoredEvent> reports_of(std::int64_t incident) {
    SQLite::Statement st(db_,
                         std::string(kEventColumns) + " WHERE e.incident_id = ? ORDER BY e.id");
    st.bind(1, incident);
    return read_events(st);
  }

  // The earlier incident these records report, or 0: the best match among records of other
  // articles whose days come near theirs and whose places can match (store/incident_rules): for
  // a town, records within kSameIncidentKm (through the R*Tree) and records of its region known
  // only to a district or the region; for a district or region, records of that region.
  std::int64_t matching_incident(const std::vector<const EventRecord*>& group,
                                 std::int64_t document_id, const std::set<std::int64_t>& taken) {
    IncidentChoice choice(taken);
    auto consider = [&](const EventRecord& r, SQLite::Statement& st) {
      choice.consider(r, read_events(st));
    };
    for (const auto* r : group) {
      const auto days = day_range(*r);
      if (!days || !r->location || !r->location->country) continue;
      const auto& l = *r->location;
      // Days: a candidate's must overlap these once widened by the slack; none is wider than
      // kWidestMatchingDateDays, which bounds its first day from below too.
      const std::vector<Value> dates = {
          document_id, iso_day(days->first - kDateSlackDays - kWidestMatchingDateDays),
          iso_day(days->last + kDateSlackDays), iso_day(days->first - kDateSlackDays)};
      const std::string same_days =
          " e.document_id != ? AND e.date_start BETWEEN ? AND ? AND e.date_end >= ?";
      if (l.geo_precision <= 2 && l.lat && l.lon) {
        const double dlat = kSameIncidentKm / 111.0;
        const double dlon = kSameIncidentKm / (111.0 * std::max(0.05, std::cos(*l.lat * kRadians)));
        SQLite::Statement near(
            db_, std::string(kEventColumns) +
                     " WHERE e.id IN (SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat "
                     "<= ? AND max_lon >= ? AND min_lon <= ?) AND" +
                     same_days);
        std::vector<Value> values = {*l.lat - dlat, *l.lat + dlat, *l.lon - dlon, *l.lon + dlon};
        values.insert(values.end(), dates.begin(), dates.end());
        bind_all(near, values);
        consider(*r, near);
      }
      if (!l.admin1) continue;
      // Records of the region known only to a district or the region itself (or, for a coarse
      // place, every record of the region).
      const bool town = l.geo_precision <= 2 && l.lat && l.lon;
      SQLite::Statement region(
          db_, std::string(kEventColumns) + " WHERE e.admin1 = ? AND e.country = ? AND" +
                   same_days + (town ? " AND (e.lat IS NULL OR e.geo_precision > 2)" : ""));
      std::vector<Value> values = {*l.admin1, *l.country};
      values.insert(values.end(), dates.begin(), dates.end());
      bind_all(region, values);
      consider(*r, region);
    }
    return choice.incident([&](std::int64_t incident) { return reports_of(incident); });
  }

  void insert_event(const EventRecord& r, std::int64_t document_id, std::int64_t incident,
                    const std::string& text) {
    const auto& loc = r.location;
    const auto columns = event_columns(r, document_id, incident);
    // (Not a structured binding: clang 14, which builds the fuzz targets, captures none.)
    const auto day_values = record_days(r);
    const StoreValue& first_day = day_values.first;
    const StoreValue& last_day = day_values.second;
    std::string names, marks;
    std::vector<Value> values;
    for (const auto& [name, value] : columns) {
      names += (names.empty() ? "" : ", ") + name;
      marks += marks.empty() ? "?" : ", ?";
      values.push_back(value);
    }
    SQLite::Statement st(db_, "INSERT INTO events (" + names + ") VALUES (" + marks + ")");
    bind_all(st, values);
    st.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    // The record as the API serves it, ids included, so pages are sent without re-encoding.
    SQLite::Statement record(db_, "INSERT INTO event_records (event_id, record) VALUES (?, ?)");
    bind_all(record, {id, stored_event_json({id, document_id, incident, r})
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
    record.exec();
    if (loc && loc->lat && loc->lon) {
      SQLite::Statement rt(db_, "INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?, ?, ?)");
      bind_all(rt, {id, *loc->lat, *loc->lat, *loc->lon, *loc->lon, first_day, last_day});
      rt.exec();
    }
    if (auto days = day_range(r)) {
      SQLite::Statement span(db_,
                             "INSERT INTO store_meta (key, value) VALUES ('max_span_days', ?) ON "
                             "CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)");
      bind_all(span, {static_cast<std::int64_t>(days->last - days->first)});
      span.exec();
    }
    SQLite::Statement name(db_, "INSERT OR IGNORE INTO actor_names (name) VALUES (?)");
    SQLite::Statement actor(db_,
                            "INSERT INTO event_actors (event_id, role, name, date_start, date_end) "
                            "VALUES (?,?,?,?,?)");
    auto add_actor = [&](const char* role, const ActorField& a) {
      actor.reset();
      bind_all(actor, {id, std::string(role), a.name, first_day, last_day});
      actor.exec();
      name.reset();
      name.bind(1, a.name);
      name.exec();
    };
    if (r.actor1) add_actor("actor1", *r.actor1);
    for (const auto& a : r.assoc_actor1) add_actor("assoc_actor1", a);
    if (r.actor2) add_actor("actor2", *r.actor2);
    for (const auto& a : r.assoc_actor2) add_actor("assoc_actor2", a);
    SQLite::Statement ev(db_,
                         "INSERT INTO evidence (event_id, field, start, end, text) VALUES "
                         "(?,?,?,?,?)");
    for (const auto& e : evidence_of(r, text)) {
      ev.reset();
      bind_all(ev, {id, e.field, static_cast<std::int64_t>(e.start),
                    static_cast<std::int64_t>(e.end), e.text});
      ev.exec();
    }
  }

  void refresh_incident(std::int64_t incident) {
    const IncidentSummary s = summarize_incident(incident, reports_of(incident));
    SQLite::Statement st(db_,
                         "UPDATE incidents SET event_type = ?, sub_event_type = ?, country = ?, "
                         "date_start = ?, date_end = ?, lat = ?, lon = ?, fatalities = ?, "
                         "reports = ?, documents = ?, competing = ?, summary = ? WHERE id = ?");
    bind_all(st, {s.event_type, s.sub_event_type, store_value(s.country), store_value(s.date_start),
                  store_value(s.date_end), store_value(s.lat), store_value(s.lon),
                  store_value(s.fatalities), static_cast<std::int64_t>(s.reports),
                  static_cast<std::int64_t>(s.documents), static_cast<std::int64_t>(s.competing),
                  s.json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), incident});
    st.exec();
  }

  // Totals of pages asked again (the next page, the map and the table of one filter) come from
  // here until the store changes: a commit by any connection changes SQLite's data_version, one
  // by this connection bumps writes_.
  static std::string cache_key(const std::string& sql, const std::vector<Value>& values) {
    std::string key = sql;
    for (const auto& v : values) {
      key += '\x1f';
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              key += "\x1eNULL";
            } else if constexpr (std::is_same_v<T, std::string>) {
              key += x;
            } else {
              key += std::to_string(x);
            }
          },
          v);
    }
    return key;
  }

  std::optional<std::int64_t> cached_count(const std::string& key) {
    const std::int64_t version = db_.execAndGet("PRAGMA data_version").getInt64() + writes_;
    if (version != counts_version_ || counts_.size() > kMaxCachedCounts) {
      counts_.clear();
      counts_version_ = version;
    }
    auto it = counts_.find(key);
    if (it == counts_.end()) return std::nullopt;
    return it->second;
  }

  static constexpr std::size_t kMaxCachedCounts = 4096;
  // Beyond this many names, one union per name costs more than reading the match set.
  static constexpr std::size_t kMaxMergedNames = 32;
  // A match gathered from the R*Tree (its row read, its distance measured, then sorted) costs
  // about 1.25 µs, a row walked along the date index 25–30 ns: measured on the 100,000-record
  // load-test store with 225 to 7,874 matches around Djibo and Bamako (docs/performance.md).
  static constexpr double kGatheredRowCost = 40.0;
  std::unordered_map<std::string, std::int64_t> counts_;
  std::int64_t counts_version_ = -1;
  std::int64_t writes_ = 0;

  SQLite::Database db_;
};

}  // namespace

std::unique_ptr<EventStore> open_sqlite_store(const std::filesystem::path& path) {
  try {
    return std::make_unique<SqliteStore>(path);
  } catch (const SQLite::Exception& e) {
    throw StoreError(path.string() + ": " + e.what());
  }
}

bool is_database_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<EventStore> open_event_store(const std::string& location) {
  if (is_database_url(location)) return open_postgres_store(location);
  return open_sqlite_store(location);
}

}  // namespace vigie
