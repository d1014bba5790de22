#pragma once
// The PostgreSQL store's tables (the SQLite ones, in PostgreSQL's terms). Bump
// kPostgresSchemaVersion with every change, with what upgrades a store of the version before.

namespace vigie {

inline constexpr int kPostgresSchemaVersion = 2;

// kPostgresUpgrades[n] turns a store of version n, once kPostgresSchema has run on it, into one
// of version n + 1 (version 0: none were stored).
inline constexpr const char* kPostgresUpgrades[kPostgresSchemaVersion] = {
    "",
    // 1 → 2: indexes in the order pages are read (newest first, undated last) replace the
    // ascending ones, which PostgreSQL could not use for that order (it sorted every match).
    "DROP INDEX IF EXISTS events_by_date; DROP INDEX IF EXISTS events_by_country; "
    "DROP INDEX IF EXISTS events_by_type; DROP INDEX IF EXISTS events_by_sub_type;",
};

inline constexpr const char* kPostgresSchema = R"sql(
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id BIGSERIAL PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  doc_key TEXT NOT NULL,
  source TEXT, url TEXT, title TEXT, published TEXT,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  tsv TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING GIN (tsv);
CREATE TABLE IF NOT EXISTS incidents (
  id BIGSERIAL PRIMARY KEY,
  event_type TEXT, sub_event_type TEXT, country TEXT,
  date_start TEXT, date_end TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  fatalities INTEGER, reports INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0,
  competing BOOLEAN NOT NULL DEFAULT false,
  summary TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS incidents_by_date ON incidents(date_start);
CREATE TABLE IF NOT EXISTS events (
  id BIGSERIAL PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents(id),
  incident_id BIGINT NOT NULL REFERENCES incidents(id),
  event_key TEXT NOT NULL,
  article_incident TEXT NOT NULL,
  event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
  country TEXT, admin1 TEXT, admin2 TEXT, location TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION, geo_precision INTEGER,
  geog GEOGRAPHY(Point, 4326),
  date_start TEXT, date_end TEXT,
  fatalities INTEGER,
  source TEXT, source_status TEXT,
  record TEXT NOT NULL DEFAULT '{}',
  UNIQUE (document_id, event_key)
);
-- In the order pages are read: newest first, undated last, then the last stored first.
CREATE INDEX IF NOT EXISTS events_newest ON events(date_start DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_by_country_newest
  ON events(country, date_start DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_by_incident ON events(incident_id);
CREATE INDEX IF NOT EXISTS events_by_country_type_newest
  ON events(country, lower(event_type), date_start DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_by_type_newest
  ON events(lower(event_type), date_start DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_by_sub_type_newest
  ON events(lower(sub_event_type), date_start DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS events_by_admin1 ON events(admin1, date_start);
CREATE INDEX IF NOT EXISTS events_geog ON events USING GIST (geog);
CREATE TABLE IF NOT EXISTS event_actors (
  event_id BIGINT NOT NULL REFERENCES events(id),
  role TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_actors_by_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_by_name ON event_actors(name);
CREATE TABLE IF NOT EXISTS evidence (
  event_id BIGINT NOT NULL REFERENCES events(id),
  field TEXT NOT NULL,
  start_cp BIGINT NOT NULL,
  end_cp BIGINT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_by_event ON evidence(event_id);
)sql";

}  // namespace vigie
