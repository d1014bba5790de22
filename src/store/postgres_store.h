#pragma once
// The shared store: PostgreSQL with PostGIS, for teams whose ingests run on several machines.
// The same tables as the SQLite store (geography instead of an R*Tree, tsvector instead of
// FTS5); incident matching runs under one transaction-scoped advisory lock, so two ingests never
// open two incidents for one, and the content hash is a unique key, so no article is stored twice.
#include <memory>
#include <string>

#include "store/event_store.h"

namespace vigie {

/// `url`: a libpq connection URI (postgresql://user@host:port/database). The database needs the
/// postgis and unaccent extensions (created if the user may).
std::unique_ptr<EventStore> open_postgres_store(const std::string& url);

}  // namespace vigie
