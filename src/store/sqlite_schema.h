#pragma once
// The SQLite store's tables. Bump kSqliteSchemaVersion with every change, with what upgrades a
// store of the version before; a store made by a newer vigie is refused rather than misread.

namespace vigie {

inline constexpr int kSqliteSchemaVersion = 2;

// kSqliteUpgrades[n] turns a store of version n into one that kSqliteSchema completes (what
// CREATE … IF NOT EXISTS cannot change); version 0 is a new file.
inline constexpr const char* kSqliteUpgrades[kSqliteSchemaVersion] = {
    "",
    // 1 → 2: the date index carries the coordinates.
    "DROP INDEX IF EXISTS events_by_date;",
};

inline constexpr const char* kSqliteSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  doc_key TEXT NOT NULL,
  source TEXT, url TEXT, title TEXT, published TEXT,
  lang TEXT NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
  text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS incidents (
  id INTEGER PRIMARY KEY,
  event_type TEXT, sub_event_type TEXT, country TEXT,
  date_start TEXT, date_end TEXT, lat REAL, lon REAL,
  fatalities INTEGER, reports INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0,
  competing INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  event_key TEXT NOT NULL,
  article_incident TEXT NOT NULL,
  event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
  country TEXT, admin1 TEXT, admin2 TEXT, location TEXT, lat REAL, lon REAL, geo_precision INTEGER,
  date_start TEXT, date_end TEXT,
  fatalities INTEGER,
  source TEXT, source_status TEXT,
  UNIQUE (document_id, event_key)
);
-- The records' JSON apart from the columns queries filter and sort on: events rows stay small,
-- so scans and counts read few pages, and only the records of a page are read.
CREATE TABLE IF NOT EXISTS event_records (
  event_id INTEGER PRIMARY KEY REFERENCES events(id),
  record TEXT NOT NULL
);
-- The coordinates ride along so a page of a dense place filter is read from the index alone.
CREATE INDEX IF NOT EXISTS events_by_date ON events(date_start, id, lat, lon);
CREATE INDEX IF NOT EXISTS events_by_country ON events(country, date_start);
CREATE INDEX IF NOT EXISTS events_by_country_type ON events(country, event_type COLLATE NOCASE, date_start);
CREATE INDEX IF NOT EXISTS events_by_incident ON events(incident_id);
CREATE INDEX IF NOT EXISTS events_by_type ON events(event_type COLLATE NOCASE, date_start);
CREATE INDEX IF NOT EXISTS events_by_sub_type ON events(sub_event_type COLLATE NOCASE, date_start);
CREATE INDEX IF NOT EXISTS events_by_admin1 ON events(admin1, date_start);
-- The days ride along (auxiliary columns) so a place-and-days filter needs no row of events.
CREATE VIRTUAL TABLE IF NOT EXISTS events_rtree USING rtree(
  id, min_lat, max_lat, min_lon, max_lon, +date_start, +date_end);
CREATE TABLE IF NOT EXISTS event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id),
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  date_start TEXT, date_end TEXT  -- the record's days, so an actor-and-days filter reads no event
);
CREATE INDEX IF NOT EXISTS event_actors_by_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_by_name ON event_actors(name, date_start, date_end, event_id);
CREATE TABLE IF NOT EXISTS actor_names (name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_by_date ON incidents(date_start);
CREATE TABLE IF NOT EXISTS evidence (
  event_id INTEGER NOT NULL REFERENCES events(id),
  field TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evidence_by_event ON evidence(event_id);
)sql";

}  // namespace vigie
