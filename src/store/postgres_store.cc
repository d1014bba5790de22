#include "store/postgres_store.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <unordered_map>

#include "store/evidence.h"
#include "store/incident_rules.h"
#include "store/postgres_schema.h"
#include "store/record_rows.h"
#include "store/stored_json.h"

namespace vigie {

namespace {

using Param = std::optional<std::string>;

// A statement and its parameters, written in one left-to-right chain of <<: `param(v)` puts the
// next placeholder ($1, $2, …) where it stands. (<< is sequenced left to right; a chain of + is
// not, and numbered placeholders built with + can come out in any order.) Values go as text;
// the server types them from the SQL around them, with casts where that is ambiguous.
struct Bind {
  StoreValue value;
};
Bind param(StoreValue v) {
  return Bind{std::move(v)};
}

class Query {
 public:
  Query& operator<<(const std::string& sql) {
    sql_ += sql;
    return *this;
  }
  Query& operator<<(const char* sql) {
    sql_ += sql;
    return *this;
  }
  Query& operator<<(const Bind& b) {
    values_.push_back(std::visit(
        [](const auto& x) -> Param {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return std::nullopt;
          } else if constexpr (std::is_same_v<T, std::string>) {
            return x;
          } else if constexpr (std::is_same_v<T, double>) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", x);
            return std::string(buf);
          } else {
            return std::to_string(x);
          }
        },
        b.value));
    sql_ += '$';  // appended apart: GCC 12 warns falsely (-Wrestrict) on "$" + std::string
    sql_ += std::to_string(values_.size());
    return *this;
  }
  pqxx::result run(pqxx::transaction_base& tx) const {
    return tx.exec_params(sql_, pqxx::prepare::make_dynamic_params(values_));
  }
  /// The statement and its values as one string: equal keys, equal queries.
  std::string key() const {
    std::string out = sql_;
    for (const auto& v : values_) {
      out += '\x1f';
      out += v ? *v : std::string("\x1eNULL");
    }
    return out;
  }

 private:
  std::string sql_;
  std::vector<Param> values_;
};

// The filter as " WHERE …" on events `e`, appended to `q`.
void where_of(const EventFilter& f, Query& q) {
  const char* glue = " WHERE ";
  auto next = [&]() -> Query& {
    q << glue;
    glue = " AND ";
    return q;
  };
  if (f.country) next() << "e.country = " << param(*f.country);
  if (f.from) next() << "e.date_end >= " << param(*f.from);
  if (f.to) next() << "e.date_start <= " << param(*f.to);
  if (f.type) {
    next() << (is_event_type(*f.type) ? "lower(e.event_type)" : "lower(e.sub_event_type)")
           << " = lower(" << param(*f.type) << ")";
  }
  if (f.actor) {
    next() << "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.name ILIKE "
           << param(like_pattern(*f.actor)) << " ESCAPE '\\')";
  }
  if (f.near) {
    next() << "ST_DWithin(e.geog, ST_SetSRID(ST_MakePoint(" << param(f.near->lon) << "::float8, "
           << param(f.near->lat) << "::float8), 4326)::geography, " << param(f.near->km * 1000)
           << "::float8)";
  }
  if (f.text) {
    // plainto_tsquery reads the words as words (all required), never as query syntax.
    next() << "e.document_id IN (SELECT d.id FROM documents d WHERE d.tsv @@ "
              "plainto_tsquery('simple', unaccent("
           << param(*f.text) << ")))";
  }
  if (f.incident) next() << "e.incident_id = " << param(*f.incident);
}

std::string paging(const EventFilter& f) {
  std::string out;
  if (f.limit > 0) out += " LIMIT " + std::to_string(f.limit);
  if (f.offset > 0) out += " OFFSET " + std::to_string(f.offset);
  return out;
}

template <class T>
std::optional<T> opt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<T>();
}

std::vector<StoredEvent> read_events(const pqxx::result& rows) {
  std::vector<StoredEvent> out;
  for (const auto& row : rows) {
    StoredEvent e;
    e.id = row[0].as<std::int64_t>();
    e.document_id = row[1].as<std::int64_t>();
    e.incident_id = row[2].as<std::int64_t>();
    e.record = stored_record_from_json(row[3].as<std::string>());
    out.push_back(std::move(e));
  }
  return out;
}

// " FROM incidents i WHERE …": the incidents of the records `f` keeps, appended to `q`.
void incidents_of(const EventFilter& f, Query& q) {
  q << " FROM incidents i WHERE i.id IN (SELECT e.incident_id FROM events e";
  where_of(f, q);
  q << ")";
}
constexpr const char* kIncidentOrder = " ORDER BY i.date_start DESC NULLS LAST, i.id DESC";

// Rows of id, latitude, longitude, event type, first day, place name, deaths, reports.
std::vector<MapPoint> read_points(const pqxx::result& rows) {
  std::vector<MapPoint> out;
  for (const auto& row : rows) {
    MapPoint p;
    p.id = row[0].as<std::int64_t>();
    p.lat = row[1].as<double>();
    p.lon = row[2].as<double>();
    p.event_type = opt<std::string>(row[3]).value_or("");
    p.date_start = opt<std::string>(row[4]);
    p.location = opt<std::string>(row[5]);
    p.fatalities = opt<int>(row[6]);
    p.reports = row[7].as<int>();
    out.push_back(std::move(p));
  }
  return out;
}

constexpr const char* kEventColumns =
    "SELECT e.id, e.document_id, e.incident_id, e.record FROM events e";
constexpr const char* kOrder = " ORDER BY e.date_start DESC NULLS LAST, e.id DESC";
// Held by every transaction that writes (start-up DDL, a document and its records), taken before
// any table is touched: two ingests never both open an incident for the same event, and locks are
// always taken in one order (the number only needs to be vigie's own).
constexpr long long kIncidentLock = 0x76696769650001;
const std::string kTakeWriteLock =
    "SELECT pg_advisory_xact_lock(" + std::to_string(kIncidentLock) + ")";

// The schema version a store records, or 0 where it has none yet (a new database).
int stored_schema_version(pqxx::transaction_base& tx) {
  if (tx.exec("SELECT to_regclass('store_meta') IS NULL")[0][0].as<bool>()) return 0;
  const auto found = tx.exec("SELECT value FROM store_meta WHERE key = 'schema_version'");
  return found.empty() ? 0 : found[0][0].as<int>();
}

class PostgresStore final : public EventStore {
 public:
  explicit PostgresStore(const std::string& url) : c_(url) {
    // vigie's statements are short; compiling one (JIT) took 0.46 s where running it took 0.04.
    c_.set_variable("jit", "off");
    // Nor do they gain from parallel workers, which a server's concurrent requests compete for.
    c_.set_variable("max_parallel_workers_per_gather", "0");
    pqxx::work tx(c_);
    tx.exec(kTakeWriteLock);
    const int stored = stored_schema_version(tx);
    // A current store is left alone: its DDL (CREATE INDEX IF NOT EXISTS takes a share lock on
    // the table) would wait on another ingest's insert, and so be a lock taken after ours.
    if (stored == kPostgresSchemaVersion) {
      tx.commit();
      return;
    }
    if (stored > kPostgresSchemaVersion) {
      throw StoreError(url_without_password(url) + ": store made by a newer vigie (schema " +
                       std::to_string(stored) + ")");
    }
    tx.exec(kPostgresSchema);
    // A store without a version is new: it needs no upgrade.
    const int version = stored == 0 ? kPostgresSchemaVersion : stored;
    for (int v = version; v < kPostgresSchemaVersion; ++v) tx.exec(kPostgresUpgrades[v]);
    tx.exec("INSERT INTO store_meta VALUES ('schema_version', " +
            std::to_string(kPostgresSchemaVersion) +
            ") ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    tx.commit();
  }

  std::unordered_set<std::string> document_hashes() override {
    pqxx::read_transaction tx(c_);
    std::unordered_set<std::string> out;
    for (const auto& row : tx.exec("SELECT content_hash FROM documents")) {
      out.insert(row[0].as<std::string>());
    }
    return out;
  }

  IngestOutcome add_document(const Document& doc, const std::vector<EventRecord>& events) override {
    IngestOutcome outcome;
    pqxx::work tx(c_);
    // The write lock comes before any table is touched, in every writer: two ingests that took
    // a row lock (the new document) and then waited for it deadlocked under a third that held
    // it while its start-up DDL waited for their rows.
    tx.exec(kTakeWriteLock);
    Query insert;
    insert << "INSERT INTO documents (content_hash, doc_key, source, url, title, published, lang, "
              "text, ingested_at, tsv) VALUES ("
           << param(doc.meta.content_hash) << ", " << param(doc.meta.id) << ", "
           << param(store_value(doc.meta.source)) << ", " << param(store_value(doc.meta.url))
           << ", " << param(store_value(doc.meta.title)) << ", "
           << param(store_value(doc.meta.published)) << ", " << param(doc.language.code) << ", "
           << param(doc.text()) << ", " << param(utc_now()) << ", to_tsvector('simple', unaccent("
           << param(doc.text()) << "))) ON CONFLICT (content_hash) DO NOTHING RETURNING id";
    const auto inserted = insert.run(tx);
    if (inserted.empty()) return outcome;  // another ingest stored these bytes first
    outcome.added = true;
    outcome.document_id = inserted[0][0].as<std::int64_t>();

    // Every commit moves this on, which tells readers their cached totals are stale.
    tx.exec(
        "INSERT INTO store_meta VALUES ('writes', 1) ON CONFLICT (key) DO UPDATE SET value = "
        "store_meta.value + 1");
    std::set<std::int64_t> taken;
    for (const auto& group : article_incidents(events)) {
      std::int64_t incident = matching_incident(tx, group, outcome.document_id, taken);
      if (incident == 0) {
        incident =
            tx.exec("INSERT INTO incidents DEFAULT VALUES RETURNING id")[0][0].as<std::int64_t>();
        ++outcome.new_incidents;
      } else {
        ++outcome.joined_incidents;
      }
      taken.insert(incident);
      for (const auto* r : group) insert_event(tx, *r, outcome.document_id, incident, doc.text());
      outcome.events += static_cast<int>(group.size());
      refresh_incident(tx, incident);
    }
    tx.commit();
    return outcome;
  }

  std::vector<StoredEvent> find_events(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << kEventColumns;
    where_of(f, q);
    q << kOrder << paging(f);
    return read_events(q.run(tx));
  }

  JsonPage find_event_json(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    JsonPage page;
    page.total = count_in(tx, f);
    if (walk_dates(tx, f, page.total)) tx.exec("SET LOCAL enable_sort = off");
    Query q;
    q << "SELECT e.record FROM events e";
    where_of(f, q);
    q << kOrder << paging(f);
    for (const auto& row : q.run(tx)) page.records.push_back(row[0].as<std::string>());
    return page;
  }

  std::int64_t count_events(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    return count_in(tx, f);
  }

  std::vector<MapPoint> find_points(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT e.id, e.lat, e.lon, e.event_type, e.date_start, e.location, e.fatalities, 1 FROM "
         "(SELECT * FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL) e";
    where_of(f, q);
    q << kOrder << paging(f);
    return read_points(q.run(tx));
  }

  std::vector<MapPoint> find_incident_points(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT i.id, i.lat, i.lon, i.event_type, i.date_start, NULL, i.fatalities, i.reports";
    incidents_of(f, q);
    q << " AND i.lat IS NOT NULL AND i.lon IS NOT NULL" << kIncidentOrder << paging(f);
    return read_points(q.run(tx));
  }

  std::optional<StoredEvent> event(std::int64_t id) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << kEventColumns << " WHERE e.id = " << param(id);
    auto found = read_events(q.run(tx));
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  }

  std::vector<Evidence> evidence(std::int64_t event_id) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT field, start_cp, end_cp, text FROM evidence WHERE event_id = " << param(event_id)
      << " ORDER BY ctid";
    std::vector<Evidence> out;
    for (const auto& row : q.run(tx)) {
      out.push_back({row[0].as<std::string>(), row[1].as<std::uint64_t>(),
                     row[2].as<std::uint64_t>(), row[3].as<std::string>()});
    }
    return out;
  }

  std::optional<StoredDocument> document(std::int64_t id) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT id, content_hash, doc_key, source, url, title, published, lang, text, "
         "ingested_at FROM documents WHERE id = "
      << param(id);
    const auto rows = q.run(tx);
    if (rows.empty()) return std::nullopt;
    const auto& r = rows[0];
    StoredDocument d;
    d.id = r[0].as<std::int64_t>();
    d.meta.content_hash = r[1].as<std::string>();
    d.meta.id = r[2].as<std::string>();
    d.meta.source = opt<std::string>(r[3]);
    d.meta.url = opt<std::string>(r[4]);
    d.meta.title = opt<std::string>(r[5]);
    d.meta.published = opt<std::string>(r[6]);
    d.lang = r[7].as<std::string>();
    d.text = r[8].as<std::string>();
    d.ingested_at = r[9].as<std::string>();
    return d;
  }

  std::vector<IncidentSummary> find_incidents(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT i.id, i.event_type, i.sub_event_type, i.country, i.date_start, i.date_end, "
         "i.lat, i.lon, i.fatalities, i.reports, i.documents, i.competing, i.summary";
    incidents_of(f, q);
    q << kIncidentOrder << paging(f);
    const auto rows = q.run(tx);
    std::vector<IncidentSummary> out;
    for (const auto& r : rows) {
      IncidentSummary s;
      s.id = r[0].as<std::int64_t>();
      s.event_type = r[1].as<std::string>("");
      s.sub_event_type = r[2].as<std::string>("");
      s.country = opt<std::string>(r[3]);
      s.date_start = opt<std::string>(r[4]);
      s.date_end = opt<std::string>(r[5]);
      s.lat = opt<double>(r[6]);
      s.lon = opt<double>(r[7]);
      s.fatalities = opt<int>(r[8]);
      s.reports = r[9].as<int>();
      s.documents = r[10].as<int>();
      s.competing = r[11].as<bool>();
      s.json = nlohmann::ordered_json::parse(r[12].as<std::string>());
      out.push_back(std::move(s));
    }
    return out;
  }

  std::int64_t count_incidents(const EventFilter& f) override {
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT COUNT(DISTINCT e.incident_id) FROM events e";
    where_of(f, q);
    return q.run(tx)[0][0].as<std::int64_t>();
  }

  std::vector<StatsRow> stats(const EventFilter& f, StatsKey key) override {
    const auto [key_sql, join] =
        stats_grouping(key, "to_char(date_trunc('week', e.date_start::date), 'YYYY-MM-DD')");
    pqxx::read_transaction tx(c_);
    Query q;
    q << "SELECT k, SUM(n), COUNT(*), SUM(COALESCE(f, 0)) FROM (SELECT " << key_sql
      << " AS k, e.incident_id, COUNT(DISTINCT e.id) AS n, MAX(i.fatalities) AS f FROM events e "
         "JOIN incidents i ON i.id = e.incident_id"
      << join;
    where_of(f, q);
    q << " GROUP BY 1, 2) g GROUP BY k ORDER BY k ASC NULLS LAST";
    const auto rows = q.run(tx);
    std::vector<StatsRow> out;
    for (const auto& r : rows) {
      out.push_back({opt<std::string>(r[0]).value_or("(none)"), r[1].as<std::int64_t>(),
                     r[2].as<std::int64_t>(), r[3].as<std::int64_t>()});
    }
    return out;
  }

 private:
  static std::string url_without_password(const std::string& url) {
    const auto at = url.find('@');
    const auto scheme = url.find("://");
    if (at == std::string::npos || scheme == std::string::npos) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
  }

  std::vector<StoredEvent> reports_of(pqxx::transaction_base& tx, std::int64_t incident) {
    Query q;
    q << kEventColumns << " WHERE e.incident_id = " << param(incident) << " ORDER BY e.id";
    return read_events(q.run(tx));
  }

  // As the SQLite store: records of other articles whose days come near, in the same country,
  // within reach of the place (store/incident_rules decides).
  std::int64_t matching_incident(pqxx::transaction_base& tx,
                                 const std::vector<const EventRecord*>& group,
                                 std::int64_t document_id, const std::set<std::int64_t>& taken) {
    IncidentChoice choice(taken);
    for (const auto* r : group) {
      const auto days = day_range(*r);
      if (!days || !r->location || !r->location->country) continue;
      const auto& l = *r->location;
      Query q;
      q << kEventColumns << " WHERE e.document_id <> " << param(document_id)
        << " AND e.country = " << param(*l.country) << " AND e.date_start BETWEEN "
        << param(iso_day(days->first - kDateSlackDays - kWidestMatchingDateDays)) << " AND "
        << param(iso_day(days->last + kDateSlackDays))
        << " AND e.date_end >= " << param(iso_day(days->first - kDateSlackDays));
      if (l.geo_precision <= 2 && l.lat && l.lon) {
        q << " AND (e.geog IS NULL OR e.geo_precision > 2 OR ST_DWithin(e.geog, "
             "ST_SetSRID(ST_MakePoint("
          << param(*l.lon) << "::float8, " << param(*l.lat) << "::float8), 4326)::geography, "
          << param(kSameIncidentKm * 1000) << "::float8))";
      } else if (l.admin1) {
        q << " AND e.admin1 = " << param(*l.admin1);
      } else {
        continue;
      }
      choice.consider(*r, read_events(q.run(tx)));
    }
    return choice.incident([&](std::int64_t incident) { return reports_of(tx, incident); });
  }

  void insert_event(pqxx::transaction_base& tx, const EventRecord& r, std::int64_t document_id,
                    std::int64_t incident, const std::string& text) {
    const auto columns = event_columns(r, document_id, incident);
    Query insert;
    insert << "INSERT INTO events (";
    for (std::size_t k = 0; k < columns.size(); ++k) insert << (k ? ", " : "") << columns[k].first;
    const auto& loc = r.location;
    const bool located = loc && loc->lat && loc->lon;
    insert << (located ? ", geog" : "") << ") VALUES (";
    for (std::size_t k = 0; k < columns.size(); ++k)
      insert << (k ? ", " : "") << param(columns[k].second);
    if (located) {
      insert << ", ST_SetSRID(ST_MakePoint(" << param(*loc->lon) << "::float8, " << param(*loc->lat)
             << "::float8), 4326)::geography";
    }
    insert << ") RETURNING id";
    const auto id = insert.run(tx)[0][0].as<std::int64_t>();
    Query record;
    record << "UPDATE events SET record = "
           << param(stored_event_json({id, document_id, incident, r})
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
           << " WHERE id = " << param(id);
    record.run(tx);
    auto add_actor = [&](const char* role, const ActorField& a) {
      Query q;
      q << "INSERT INTO event_actors (event_id, role, name) VALUES (" << param(id) << ", "
        << param(std::string(role)) << ", " << param(a.name) << ")";
      q.run(tx);
    };
    if (r.actor1) add_actor("actor1", *r.actor1);
    for (const auto& a : r.assoc_actor1) add_actor("assoc_actor1", a);
    if (r.actor2) add_actor("actor2", *r.actor2);
    for (const auto& a : r.assoc_actor2) add_actor("assoc_actor2", a);
    for (const auto& e : evidence_of(r, text)) {
      Query q;
      q << "INSERT INTO evidence (event_id, field, start_cp, end_cp, text) VALUES (" << param(id)
        << ", " << param(e.field) << ", " << param(static_cast<std::int64_t>(e.start)) << ", "
        << param(static_cast<std::int64_t>(e.end)) << ", " << param(e.text) << ")";
      q.run(tx);
    }
  }

  void refresh_incident(pqxx::transaction_base& tx, std::int64_t incident) {
    const IncidentSummary s = summarize_incident(incident, reports_of(tx, incident));
    Query q;
    q << "UPDATE incidents SET event_type = " << param(s.event_type)
      << ", sub_event_type = " << param(s.sub_event_type)
      << ", country = " << param(store_value(s.country))
      << ", date_start = " << param(store_value(s.date_start))
      << ", date_end = " << param(store_value(s.date_end))
      << ", lat = " << param(store_value(s.lat)) << "::float8, lon = " << param(store_value(s.lon))
      << "::float8, fatalities = "
      << param(s.fatalities ? StoreValue(std::int64_t{*s.fatalities}) : StoreValue(nullptr))
      << "::int, reports = " << param(std::int64_t{s.reports})
      << "::int, documents = " << param(std::int64_t{s.documents})
      << "::int, competing = " << param(std::string(s.competing ? "true" : "false"))
      << "::boolean, summary = "
      << param(s.json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
      << " WHERE id = " << param(incident);
    q.run(tx);
  }

  // Whether a page of a place filter (and days) should walk the date index, testing each row,
  // rather than gather the matches from the spatial index and sort them: PostgreSQL cannot tell,
  // as it guesses a distance keeps a handful of rows (6 for 7,874 within 50 km of Djibo), but
  // the total says (walking_is_cheaper; here a gathered match costs about 0.7 walked rows: 3 µs a
  // walked row, 2.2 µs a gathered match, measured on the 100,000-record load-test store).
  bool walk_dates(pqxx::transaction_base& tx, const EventFilter& f, std::int64_t matches) {
    const bool place_and_days =
        f.near && !f.country && !f.type && !f.actor && !f.text && !f.incident;
    if (!place_and_days || f.limit == 0 || matches == 0) return false;
    return walking_is_cheaper(f, count_in(tx, days_of(f)), matches, kGatheredRowCost);
  }
  static constexpr double kGatheredRowCost = 0.7;

  // The records a filter keeps, counted. Totals of pages asked again (the next page, the map and
  // the table of one filter) come from the cache until an ingest commits: the write counter is read
  // before the count, so a count that already sees a newer commit is only ever filed under an older
  // counter, never the reverse.
  std::int64_t count_in(pqxx::transaction_base& tx, const EventFilter& f) {
    const auto writes = tx.exec("SELECT value FROM store_meta WHERE key = 'writes'");
    const std::int64_t version = writes.empty() ? 0 : writes[0][0].as<std::int64_t>();
    if (version != counts_version_ || counts_.size() > kMaxCachedCounts) {
      counts_.clear();
      counts_version_ = version;
    }
    Query q;
    q << "SELECT COUNT(*) FROM events e";
    where_of(f, q);
    const std::string key = q.key();
    if (auto it = counts_.find(key); it != counts_.end()) return it->second;
    const auto n = q.run(tx)[0][0].as<std::int64_t>();
    counts_.emplace(key, n);
    return n;
  }

  static constexpr std::size_t kMaxCachedCounts = 4096;
  std::unordered_map<std::string, std::int64_t> counts_;
  std::int64_t counts_version_ = -1;

  pqxx::connection c_;
};

}  // namespace

std::unique_ptr<EventStore> open_postgres_store(const std::string& url) {
  try {
    return std::make_unique<PostgresStore>(url);
  } catch (const pqxx::failure& e) {
    throw StoreError(std::string("PostgreSQL: ") + e.what());
  }
}

}  // namespace vigie
