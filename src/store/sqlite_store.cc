#include "store/sqlite_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <variant>

#include "output/event_json.h"
#include "store/evidence.h"
#include "store/incident_rules.h"
#include "store/sqlite_schema.h"

namespace vigie {

namespace {

using Value = std::variant<std::nullptr_t, std::string, double, std::int64_t>;

struct Where {
  std::string sql;  ///< " WHERE …" or empty
  std::vector<Value> values;
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

template <class T>
Value nullable(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(*v);
  } else {
    return *v;
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

std::string like_pattern(const std::string& piece) {
  std::string out = "%";
  for (char c : piece) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

Where where_of(const EventFilter& f) {
  Where w;
  std::vector<std::string> parts;
  if (f.country) {
    parts.push_back("e.country = ?");
    w.values.emplace_back(*f.country);
  }
  if (f.from) {
    parts.push_back("e.date_end >= ?");
    w.values.emplace_back(*f.from);
  }
  if (f.to) {
    parts.push_back("e.date_start <= ?");
    w.values.emplace_back(*f.to);
  }
  if (f.type) {
    parts.push_back("(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE)");
    w.values.emplace_back(*f.type);
    w.values.emplace_back(*f.type);
  }
  if (f.actor) {
    parts.push_back(
        "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.name LIKE ? ESCAPE "
        "'\\')");
    w.values.emplace_back(like_pattern(*f.actor));
  }
  if (f.near) {
    // The R*Tree narrows to a box around the point; the exact distance decides.
    const double dlat = f.near->km / 111.2;
    const double coslat = std::max(0.01, std::cos(f.near->lat * 3.14159265358979323846 / 180.0));
    const double dlon = std::min(180.0, f.near->km / (111.2 * coslat));
    parts.push_back(
        "e.id IN (SELECT id FROM events_rtree WHERE max_lat >= ? AND min_lat <= ? AND max_lon >= "
        "? AND min_lon <= ?) AND distance_km(e.lat, e.lon, ?, ?) <= ?");
    w.values.insert(w.values.end(), {f.near->lat - dlat, f.near->lat + dlat, f.near->lon - dlon,
                                     f.near->lon + dlon, f.near->lat, f.near->lon, f.near->km});
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

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string iso_day(long days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

class SqliteStore final : public EventStore {
 public:
  explicit SqliteStore(const std::filesystem::path& path)
      : db_(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000) {
    db_.exec("PRAGMA journal_mode = WAL");
    // NORMAL in WAL mode: a committed transaction survives the process being killed; only a
    // power cut may take back the last ones.
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
    const int version = db_.execAndGet("PRAGMA user_version").getInt();
    if (version > kSqliteSchemaVersion) {
      throw StoreError(path.string() + ": store made by a newer vigie (schema " +
                       std::to_string(version) + ", this one reads " +
                       std::to_string(kSqliteSchemaVersion) + ")");
    }
    {
      SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
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
    bind_all(ins, {doc.meta.content_hash, doc.meta.id, nullable(doc.meta.source),
                   nullable(doc.meta.url), nullable(doc.meta.title), nullable(doc.meta.published),
                   doc.language.code, doc.text(), utc_now()});
    if (ins.exec() == 0) return outcome;  // another ingest stored these bytes first
    outcome.added = true;
    outcome.document_id = db_.getLastInsertRowid();
    SQLite::Statement fts(db_, "INSERT INTO documents_fts (rowid, text) VALUES (?, ?)");
    bind_all(fts, {outcome.document_id, doc.text()});
    fts.exec();

    // The records of one article incident (linked accounts) go to one store incident; separate
    // incidents of one article never join the same store incident.
    std::map<std::string, std::vector<const EventRecord*>> groups;
    std::vector<std::string> order;
    for (const auto& r : events) {
      auto& g = groups[r.incident_id];
      if (g.empty()) order.push_back(r.incident_id);
      g.push_back(&r);
    }
    std::set<std::int64_t> taken;
    for (const auto& key : order) {
      const auto& group = groups[key];
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
    return outcome;
  }

  std::vector<StoredEvent> find_events(const EventFilter& f) override {
    const Where w = where_of(f);
    SQLite::Statement st(db_, "SELECT e.id, e.document_id, e.incident_id, e.record FROM events e" +
                                  w.sql + " ORDER BY e.date_start IS NULL, e.date_start, e.id" +
                                  paging(f));
    bind_all(st, w.values);
    return read_events(st);
  }

  std::int64_t count_events(const EventFilter& f) override {
    const Where w = where_of(f);
    SQLite::Statement st(db_, "SELECT COUNT(*) FROM events e" + w.sql);
    bind_all(st, w.values);
    st.executeStep();
    return st.getColumn(0).getInt64();
  }

  std::optional<StoredEvent> event(std::int64_t id) override {
    SQLite::Statement st(
        db_, "SELECT e.id, e.document_id, e.incident_id, e.record FROM events e WHERE e.id = ?");
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
    const Where w = where_of(f);
    SQLite::Statement st(db_,
                         "SELECT i.id, i.event_type, i.sub_event_type, i.country, i.date_start, "
                         "i.date_end, i.lat, i.lon, i.fatalities, i.reports, i.documents, "
                         "i.competing, i.summary FROM incidents i WHERE i.id IN (SELECT "
                         "e.incident_id FROM events e" +
                             w.sql + ") ORDER BY i.date_start IS NULL, i.date_start, i.id" +
                             paging(f));
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
    const Where w = where_of(f);
    SQLite::Statement st(db_, "SELECT COUNT(DISTINCT e.incident_id) FROM events e" + w.sql);
    bind_all(st, w.values);
    st.executeStep();
    return st.getColumn(0).getInt64();
  }

  std::vector<StatsRow> stats(const EventFilter& f, StatsKey key) override {
    std::string key_sql;
    std::string join;
    switch (key) {
      case StatsKey::Week:
        // The Monday that starts the event's week.
        key_sql =
            "date(e.date_start, '-' || ((CAST(strftime('%w', e.date_start) AS INTEGER) + 6) % 7) "
            "|| ' days')";
        break;
      case StatsKey::Month:
        key_sql = "substr(e.date_start, 1, 7)";
        break;
      case StatsKey::Type:
        key_sql = "e.event_type";
        break;
      case StatsKey::Country:
        key_sql = "e.country";
        break;
      case StatsKey::Actor:
        key_sql = "ga.name";
        join = " JOIN event_actors ga ON ga.event_id = e.id";
        break;
    }
    const Where w = where_of(f);
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
  static std::vector<StoredEvent> read_events(SQLite::Statement& st) {
    std::vector<StoredEvent> out;
    while (st.executeStep()) {
      StoredEvent e;
      e.id = st.getColumn(0).getInt64();
      e.document_id = st.getColumn(1).getInt64();
      e.incident_id = st.getColumn(2).getInt64();
      e.record = record_from_json(nlohmann::json::parse(st.getColumn(3).getString()));
      out.push_back(std::move(e));
    }
    return out;
  }

  std::vector<StoredEvent> reports_of(std::int64_t incident) {
    SQLite::Statement st(db_,
                         "SELECT e.id, e.document_id, e.incident_id, e.record FROM events e "
                         "WHERE e.incident_id = ? ORDER BY e.id");
    st.bind(1, incident);
    return read_events(st);
  }

  // The earlier incident these records report, or 0: the best match among records of other
  // articles in the same country whose dates come within the slack of theirs.
  std::int64_t matching_incident(const std::vector<const EventRecord*>& group,
                                 std::int64_t document_id, const std::set<std::int64_t>& taken) {
    std::int64_t best = 0;
    double best_score = 0;
    for (const auto* r : group) {
      const auto days = day_range(*r);
      if (!days || !r->location || !r->location->country) continue;
      SQLite::Statement st(db_,
                           "SELECT e.id, e.document_id, e.incident_id, e.record FROM events e "
                           "WHERE e.document_id != ? AND e.country = ? AND e.date_start <= ? AND "
                           "e.date_end >= ?");
      bind_all(st, {document_id, *r->location->country, iso_day(days->last + kDateSlackDays),
                    iso_day(days->first - kDateSlackDays)});
      for (const auto& earlier : read_events(st)) {
        if (taken.count(earlier.incident_id)) continue;
        auto match = same_incident(*r, earlier.record);
        if (match && match->score > best_score) {
          best_score = match->score;
          best = earlier.incident_id;
        }
      }
    }
    return best;
  }

  void insert_event(const EventRecord& r, std::int64_t document_id, std::int64_t incident,
                    const std::string& text) {
    const auto& loc = r.location;
    SQLite::Statement st(db_,
                         "INSERT INTO events (document_id, incident_id, event_key, "
                         "article_incident, event_type, sub_event_type, country, admin1, admin2, "
                         "location, lat, lon, date_start, date_end, fatalities, source, "
                         "source_status, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bind_all(
        st,
        {document_id, incident, r.event_id, r.incident_id, r.event_type, r.sub_event_type,
         loc ? nullable(loc->country) : Value(nullptr),
         loc ? nullable(loc->admin1) : Value(nullptr), loc ? nullable(loc->admin2) : Value(nullptr),
         loc ? nullable(loc->name) : Value(nullptr), loc ? nullable(loc->lat) : Value(nullptr),
         loc ? nullable(loc->lon) : Value(nullptr),
         r.date ? nullable(r.date->start) : Value(nullptr),
         r.date ? nullable(r.date->end ? r.date->end : r.date->start) : Value(nullptr),
         r.fatalities ? Value(static_cast<std::int64_t>(r.fatalities->best)) : Value(nullptr),
         r.source ? Value(r.source->name) : Value(nullptr),
         r.source ? Value(r.source->status) : Value(nullptr), to_json(r).dump()});
    st.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    if (loc && loc->lat && loc->lon) {
      SQLite::Statement rt(db_, "INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)");
      bind_all(rt, {id, *loc->lat, *loc->lat, *loc->lon, *loc->lon});
      rt.exec();
    }
    SQLite::Statement actor(db_, "INSERT INTO event_actors (event_id, role, name) VALUES (?,?,?)");
    auto add_actor = [&](const char* role, const ActorField& a) {
      actor.reset();
      bind_all(actor, {id, std::string(role), a.name});
      actor.exec();
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
    bind_all(st, {s.event_type, s.sub_event_type, nullable(s.country), nullable(s.date_start),
                  nullable(s.date_end), nullable(s.lat), nullable(s.lon), nullable(s.fatalities),
                  static_cast<std::int64_t>(s.reports), static_cast<std::int64_t>(s.documents),
                  static_cast<std::int64_t>(s.competing), s.json.dump(), incident});
    st.exec();
  }

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

std::unique_ptr<EventStore> open_event_store(const std::string& location) {
  if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) {
    throw StoreError(location + ": the PostgreSQL backend is not built yet (issue #5); use a file");
  }
  return open_sqlite_store(location);
}

}  // namespace vigie
